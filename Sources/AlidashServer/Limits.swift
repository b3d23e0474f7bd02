// MARK: - Limits

/// Every limit of `alidash serve`, in seconds where it is a time.
public struct ServerLimits: Sendable {
    /// Dashboards running at once; one more visitor is told the server is full.
    public var maximumSessions: Int
    /// New connections per minute from one address (a burst of that many, then refilled evenly).
    public var connectionsPerMinute: Int
    /// Time from connecting to a running dashboard (key exchange, authentication, session request).
    public var loginTimeout: Double
    /// A session without a key press, resize or screen output for this long ends.
    public var idleTimeout: Double
    /// No session lasts longer than this.
    public var sessionTimeout: Double
    /// Between SIGHUP and SIGKILL for a dashboard whose visitor has gone.
    public var hangUpGrace: Double

    public init(maximumSessions: Int = 20, connectionsPerMinute: Int = 20, loginTimeout: Double = 20,
                idleTimeout: Double = 900, sessionTimeout: Double = 4 * 3600, hangUpGrace: Double = 2) {
        self.maximumSessions = maximumSessions
        self.connectionsPerMinute = connectionsPerMinute
        self.loginTimeout = loginTimeout
        self.idleTimeout = idleTimeout
        self.sessionTimeout = sessionTimeout
        self.hangUpGrace = hangUpGrace
    }

    /// What the options may ask for: enough for a crowd and a long day, small enough for the timers,
    /// counters and tables that hold them.
    public static let allowedRanges = (sessions: 1...10_000, connectionsPerMinute: 1...100_000,
                                       loginTimeout: 0.1...3600.0, idleTimeout: 1.0...604_800.0,
                                       sessionTimeout: 1.0...604_800.0)

    /// Connections still logging in count too, up to this many in all, so a flood cannot pile up sockets.
    var maximumConnections: Int { maximumSessions * 2 + 8 }
}

/// A token bucket per client address: `perMinute` connections at once, refilled at `perMinute` a minute.
public struct ConnectionRateLimiter: Sendable {
    public let perMinute: Int
    private var buckets: [String: (tokens: Double, updated: Double)] = [:]
    /// Bounds the table: old entries are full buckets anyway, so forgetting them changes nothing.
    private static let maximumAddresses = 10_000

    public init(perMinute: Int) {
        self.perMinute = perMinute
    }

    /// Takes a token for `address` at `now` (seconds); false when it has none left.
    public mutating func admit(_ address: String, now: Double) -> Bool {
        let capacity = Double(perMinute)
        var bucket = buckets[address] ?? (capacity, now)
        bucket.tokens = min(capacity, bucket.tokens + (now - bucket.updated) * capacity / 60)
        bucket.updated = now
        let admitted = bucket.tokens >= 1
        if admitted { bucket.tokens -= 1 }
        if buckets.count >= ConnectionRateLimiter.maximumAddresses {
            buckets = buckets.filter { now - $0.value.updated < 60 }
        }
        buckets[address] = bucket
        return admitted
    }
}
