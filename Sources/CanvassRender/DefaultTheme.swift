/// The default theme, built into canvass: a project without `templates/` uses it whole, and a
/// project's own `templates/` files replace it file by file (to restyle one block, copy just
/// that template). `DefaultTheme+Files.swift` is generated from this repository's `templates/`.
public enum DefaultTheme {
    /// The theme's files as bytes, by path under templates/.
    public static var fileData: [String: [UInt8]] {
        files.mapValues { Array($0.utf8) }
    }
}
