/// The version `canvass --version` prints; the build cache is also keyed by it.
public enum CanvassVersion {
    public static let string = "0.1.0"
}
