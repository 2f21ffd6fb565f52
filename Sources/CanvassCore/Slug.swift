/// URL-safe identifiers from free text, keeping letters of every script (Chinese ids stay readable).
public enum Slug {
    public static func make(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            let allowed = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            if allowed {
                if pendingDash && !result.isEmpty { result += "-" }
                result.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return result
    }
}
