#!/usr/bin/env python3
"""Generate a larger copy of alidash's Data/ folder for `make bench`.

    gendata.py --scale 100 --out DIR [--data Data]

Multiplies the records of the bundled data by --scale with new unique ids, keeping everything valid for
`alidash validate --data DIR`:

  sources.json      sources x scale (new ids S<n>); errata stay as they are (overview cards name them)
  hubs.json         hubs x scale (new ids, spread-out valid coordinates, one headquarters), their facts
                    with new globally unique ids
  singles-day.json  years x scale and facts x scale (new ids)
  revenue.json      Alibaba fiscal years with four contiguous quarters each that add up to the year's
                    total, going back in time from the first bundled year and then forward after the
                    last; Amazon calendar years likewise; the bundled year-over-year figures still match
  timeline.json     events x scale, copies inserted beside their original, so dates stay in order
  comparison.json, profiles.json, overview.json: copied unchanged (overview references still resolve)

Two limits of the format stop a literal multiplication, and the generator says so on stderr:
  * dates are years 1900-2100 (PartialDate), so quarters and Singles' Day years stop at that range;
  * a file may be at most 64 MiB (DataLoader.maximumFileSize): when scale x the bundled file size would
    pass MAX_FILE_BYTES, the copies are lean records (required fields, short texts) so the record count
    still grows by the full factor.

The output is deterministic (no randomness), so runs are comparable.
"""
import argparse
import copy
import json
import os
import sys

MAX_FILE_BYTES = 64 * 1024 * 1024  # DataLoader.maximumFileSize
LEAN_THRESHOLD = int(MAX_FILE_BYTES * 0.9)  # room for the bundled records that stay full
FIRST_YEAR, LAST_YEAR = 1900, 2100  # PartialDate accepts these years only

notes = []


def note(text):
    notes.append(text)


def lean_needed(name, original_bytes, scale):
    literal = original_bytes * scale
    if literal > LEAN_THRESHOLD:
        note(f"{name}: {scale}x the bundled {original_bytes} bytes would be {literal / 2**20:.0f} MiB, over the "
             f"{MAX_FILE_BYTES // 2**20} MiB file limit: generated records are lean (record count still x{scale})")
        return True
    return False


def text(english):
    """A lean text in the shape the bundled data uses for nearly every text: the bilingual object."""
    return {"en": english}


# MARK: - sources.json

def scale_sources(data, scale, lean):
    sources = data["sources"]
    numbers = [int(s["id"][1:].rstrip("abcdefghijklmnopqrstuvwxyz")) for s in sources if s["id"][1:2].isdigit()]
    next_number = max(numbers, default=0) + 1
    generated = []
    for copy_index in range(1, scale):
        for source in sources:
            if lean:
                # Required fields only; every byte counts at a million records.
                record = {"id": f"S{next_number}", "title": "", "publisher": "", "url": ""}
            else:
                record = dict(source, id=f"S{next_number}", title=f"{source['title']} (copy {copy_index})")
            generated.append(record)
            next_number += 1
    data["sources"] = sources + generated
    return data


# MARK: - hubs.json

def coordinates(index):
    """Deterministic, spread-out, valid coordinates (a golden-ratio walk over the inhabited latitudes)."""
    lat = -50 + ((index * 0.6180339887) % 1.0) * 115
    lon = -180 + ((index * 0.7548776662) % 1.0) * 359.99
    return round(lat, 4), round(lon, 4)


def scale_hubs(data, scale, lean):
    hubs = data["hubs"]
    generated = []
    serial = 0
    for copy_index in range(1, scale):
        for hub in hubs:
            serial += 1
            new_id = f"{hub['id']}-g{copy_index}"
            lat, lon = coordinates(serial)
            if lean:
                record = {
                    "id": new_id, "name": text(f"{hub['id']} {copy_index}"), "place": text("p"), "country": text("c"),
                    "countryCode": hub["countryCode"], "kind": "hub", "role": text("r"),
                    "location": {"lat": lat, "lon": lon, "label": text("l"), "confidence": "unverified", "sources": []},
                    "status": text("s"), "statusSources": hub["statusSources"], "facts": [], "changes": [],
                }
            else:
                record = copy.deepcopy(hub)
                record["id"] = new_id
                record["kind"] = "hub" if hub["kind"] == "headquarters" else hub["kind"]  # one headquarters only
                record["name"] = {k: f"{v} {copy_index}" for k, v in hub["name"].items()} \
                    if isinstance(hub["name"], dict) else f"{hub['name']} {copy_index}"
                record["location"]["lat"], record["location"]["lon"] = lat, lon
                for fact in record["facts"]:
                    fact["id"] = f"g{copy_index}.{fact['id']}"
            generated.append(record)
    data["hubs"] = hubs + generated
    return data


# MARK: - singles-day.json

def years_around(first, last, count, lowest=FIRST_YEAR, highest=LAST_YEAR):
    """Up to `count` new years: going back from before `first`, then forward after `last`, within the range."""
    return (list(range(first - 1, lowest - 1, -1)) + list(range(last + 1, highest + 1)))[:count]


def scale_singles_day(data, scale, lean):
    years = data["years"]
    wanted = len(years) * (scale - 1)
    added = years_around(years[0]["year"], years[-1]["year"], wanted)
    before = sorted(y for y in added if y < years[0]["year"])
    after = sorted(y for y in added if y > years[-1]["year"])
    if len(before) + len(after) < wanted:
        note(f"singles-day.json: {len(years) + len(before) + len(after)} years instead of {len(years) * scale}: "
             f"years stop at {FIRST_YEAR}-{LAST_YEAR}")
    def year_record(year, template):
        record = {"year": year, "rmbBillions": template["rmbBillions"], "scope": template["scope"],
                  "confidence": template["confidence"], "sources": template["sources"]}
        if not lean and "usdBillions" in template:
            record["usdBillions"] = template["usdBillions"]
        return record
    data["years"] = ([year_record(y, years[i % len(years)]) for i, y in enumerate(before)] + years
                     + [year_record(y, years[i % len(years)]) for i, y in enumerate(after)])
    facts = data["facts"]
    generated = []
    for copy_index in range(1, scale):
        for fact in facts:
            if lean:
                value = {"quantity": fact["quantity"]} if "quantity" in fact else {"text": text("t")}
                record = {"label": text("f"), **value, "confidence": fact["confidence"], "sources": fact["sources"]}
            else:
                record = copy.deepcopy(fact)
            record["id"] = f"g{copy_index}.{fact['id']}"
            generated.append(record)
    data["facts"] = facts + generated
    return data


# MARK: - revenue.json

def fiscal_quarter_dates(fiscal_year, quarter):
    """Alibaba's fiscal year N runs April N-1 to March N."""
    spans = [((fiscal_year - 1, 4, 1), (fiscal_year - 1, 6, 30)), ((fiscal_year - 1, 7, 1), (fiscal_year - 1, 9, 30)),
             ((fiscal_year - 1, 10, 1), (fiscal_year - 1, 12, 31)), ((fiscal_year, 1, 1), (fiscal_year, 3, 31))]
    (sy, sm, sd), (ey, em, ed) = spans[quarter - 1]
    return f"{sy:04d}-{sm:02d}-{sd:02d}", f"{ey:04d}-{em:02d}-{ed:02d}"


def split_total(total, weights):
    """Whole-number parts in proportion to `weights` that add up to `total` exactly."""
    parts = [round(total * w / sum(weights)) for w in weights]
    parts[-1] += round(total) - sum(parts)
    return parts


def scale_revenue(data, scale):
    quarters, years = data["alibabaQuarters"], data["alibabaFiscalYears"]
    first_fy, last_fy = quarters[0]["fiscalYear"], quarters[-1]["fiscalYear"]
    wanted_years = (len(quarters) * scale) // 4 - (last_fy - first_fy + 1)
    lowest_fy, highest_fy = FIRST_YEAR + 1, LAST_YEAR  # whole fiscal years inside the date range
    chosen = years_around(first_fy, last_fy, wanted_years, lowest_fy, highest_fy)
    if len(chosen) < wanted_years:
        note(f"revenue.json: {4 * (len(chosen) + last_fy - first_fy + 1)} Alibaba quarters instead of "
             f"{len(quarters) * scale}: fiscal years stop at FY{lowest_fy}-FY{highest_fy} (dates 1900-2100)")
    totals = {y["fiscalYear"]: y for y in years}
    by_period = {(q["fiscalYear"], q["fiscalQuarter"]): q for q in quarters}
    template = quarters[-4:]
    weights = [q["rmbMillions"] for q in template]

    def quarter_record(fy, number, amount, source):
        start, end = fiscal_quarter_dates(fy, number)
        return {"fiscalYear": fy, "fiscalQuarter": number, "start": start, "end": end, "rmbMillions": amount,
                "confidence": source["confidence"], "sources": source["sources"]}

    new_quarters, new_years = {}, []
    for fy in chosen:
        if fy in totals:
            total = totals[fy]["rmbMillions"]
            following = [by_period.get((fy + 1, n)) for n in range(1, 5)]
            if all(q is not None and q.get("yoyPercent") is not None for q in following):
                # The bundled year after reports growth against this one: keep those figures true.
                shares = [q["rmbMillions"] / (1 + q["yoyPercent"] / 100) for q in following]
                amounts = split_total(total, shares)
            else:
                amounts = split_total(total, weights)
        else:
            distance = fy - first_fy if fy < first_fy else fy - last_fy
            growth = 0.97 ** distance if fy < first_fy else 1.02 ** distance
            reference = sum(weights) if fy > last_fy else totals.get(first_fy, {}).get("rmbMillions", sum(weights))
            total = max(4, round(reference * growth))
            amounts = split_total(total, weights)
            start, _ = fiscal_quarter_dates(fy, 1)
            _, end = fiscal_quarter_dates(fy, 4)
            new_years.append({"fiscalYear": fy, "start": start, "end": end, "rmbMillions": sum(amounts),
                              "confidence": years[0]["confidence"], "sources": years[0]["sources"]})
        for number in range(1, 5):
            new_quarters[(fy, number)] = quarter_record(fy, number, amounts[number - 1], template[number - 1])
    data["alibabaQuarters"] = [new_quarters[k] for k in sorted(new_quarters) if k[0] < first_fy] + quarters \
        + [new_quarters[k] for k in sorted(new_quarters) if k[0] > last_fy]
    data["alibabaFiscalYears"] = sorted(years + new_years, key=lambda y: y["fiscalYear"])

    # Amazon: calendar years, four quarters each, adding up to the year's total.
    amazon_quarters, amazon_years = data["amazonQuarters"], data["amazonYears"]
    first_year, last_year = amazon_quarters[0]["year"], amazon_quarters[-1]["year"]
    wanted = (len(amazon_quarters) * scale) // 4 - (last_year - first_year + 1)
    chosen = years_around(first_year, last_year, wanted)
    if len(chosen) < wanted:
        note(f"revenue.json: {4 * (len(chosen) + last_year - first_year + 1)} Amazon quarters instead of "
             f"{len(amazon_quarters) * scale}: years stop at {FIRST_YEAR}-{LAST_YEAR}")
    template = amazon_quarters[-4:]
    weights = [q["usdMillions"] for q in template]
    generated_quarters, generated_years = [], []
    for year in chosen:
        distance = first_year - year if year < first_year else year - last_year
        total = max(4, round(sum(weights) * (0.95 ** distance if year < first_year else 1.03 ** distance)))
        amounts = split_total(total, weights)
        for number in range(1, 5):
            generated_quarters.append({"year": year, "quarter": number, "usdMillions": amounts[number - 1],
                                       "confidence": template[number - 1]["confidence"],
                                       "sources": template[number - 1]["sources"]})
        generated_years.append({"year": year, "usdMillions": sum(amounts), "confidence": amazon_years[0]["confidence"],
                                "sources": amazon_years[0]["sources"]})
    data["amazonQuarters"] = sorted(amazon_quarters + generated_quarters, key=lambda q: (q["year"], q["quarter"]))
    data["amazonYears"] = sorted(amazon_years + generated_years, key=lambda y: y["year"])
    return data


# MARK: - timeline.json

def scale_timeline(data, scale, lean):
    events = []
    for event in data["events"]:
        events.append(event)
        for copy_index in range(1, scale):
            if lean:
                record = {"id": f"{event['id']}.g{copy_index}", "date": event["date"], "title": text(f"e{copy_index}"),
                          "category": event["category"], "confidence": event["confidence"], "sources": event["sources"]}
            else:
                record = copy.deepcopy(event)
                record["id"] = f"{event['id']}.g{copy_index}"
            events.append(record)  # same date right after the original: the order holds
    data["events"] = events
    return data


# MARK: - Main

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Data"))
    args = parser.parse_args()
    if args.scale < 1:
        parser.error("--scale must be 1 or more")
    os.makedirs(args.out, exist_ok=True)
    for name in ["sources.json", "hubs.json", "singles-day.json", "revenue.json", "comparison.json",
                 "timeline.json", "profiles.json", "overview.json", "claims.json"]:
        path = os.path.join(args.data, name)
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        data = json.loads(text)
        data.pop("$schema", None)  # the schema path is relative to Data/
        size = len(text.encode("utf-8"))
        if args.scale > 1:
            if name == "sources.json":
                data = scale_sources(data, args.scale, lean_needed(name, size, args.scale))
            elif name == "hubs.json":
                data = scale_hubs(data, args.scale, lean_needed(name, size, args.scale))
            elif name == "singles-day.json":
                data = scale_singles_day(data, args.scale, lean_needed(name, size, args.scale))
            elif name == "revenue.json":
                data = scale_revenue(data, args.scale)
            elif name == "timeline.json":
                data = scale_timeline(data, args.scale, lean_needed(name, size, args.scale))
        output = json.dumps(data, ensure_ascii=False, separators=(",", ":")) if args.scale > 1 else text
        encoded = output.encode("utf-8")
        if len(encoded) > MAX_FILE_BYTES:
            sys.exit(f"gendata: {name} would be {len(encoded)} bytes, over the {MAX_FILE_BYTES}-byte limit")
        with open(os.path.join(args.out, name), "wb") as handle:
            handle.write(encoded)
    for line in notes:
        print(f"gendata x{args.scale}: {line}", file=sys.stderr)


if __name__ == "__main__":
    main()
