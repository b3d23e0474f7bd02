@testable import AlidashServer
import Foundation
import Logging
import Testing

@Suite struct ServerLogTests {
    let time = Date(timeIntervalSince1970: 1_796_280_000)
    let fields: Logger.Metadata = ["result": "exit 0", "from": "203.0.113.7", "duration": "1.5s",
                                   "key": "SHA256:abc (refused)", "via": "10.0.0.1"]

    @Test func textLinesKeepTheFieldOrderAndQuoteWhatHasBlanks() {
        let line = ServerLogHandler.line(format: .text, level: .info, message: "connection", fields: fields, time: time)
        #expect(line == "alidash-serve: 2026-12-03T06:40:00Z connection from=203.0.113.7 via=10.0.0.1 "
            + "key=\"SHA256:abc (refused)\" duration=1.5s result=\"exit 0\"")
        #expect(ServerLogHandler.line(format: .text, level: .warning, message: "keys:3: no-pty", fields: [:], time: time)
            == "alidash-serve: 2026-12-03T06:40:00Z warning: keys:3: no-pty")
        #expect(ServerLogHandler.textValue("say \"hi\"") == "\"say \\\"hi\\\"\"")
    }

    @Test func jsonLinesAreOneObjectWithEveryCharacterEscaped() throws {
        let line = ServerLogHandler.line(format: .json, level: .error, message: "bad \"file\"\n\u{1B}[31m\u{2028}",
                                         fields: fields, time: time)
        #expect(line.hasPrefix("{\"time\":\"2026-12-03T06:40:00Z\",\"level\":\"error\",\"message\":\"bad \\\"file\\\"\\n\\u001b[31m\\u2028\",\"from\""))
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
        #expect(object?["message"] == "bad \"file\"\n\u{1B}[31m\u{2028}")
        #expect(object?["result"] == "exit 0" && object?["via"] == "10.0.0.1")
        // Bidirectional controls (a "Trojan Source" reordering) are escaped too.
        #expect(ServerLogHandler.jsonString("a\u{202E}b\u{2066}c") == "\"a\\u202eb\\u2066c\"")
    }
}
