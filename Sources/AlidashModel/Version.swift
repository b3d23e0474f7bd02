/// The version of alidash and alidash-serve, one number for both (and for the Debian package).
public enum AlidashVersion {
    public static let number = "0.1.0"
}
