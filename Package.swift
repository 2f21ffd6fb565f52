// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "Canvass",
    targets: [
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .target(name: "CanvassCore"),
        .target(name: "CanvassMarkdown", dependencies: ["CCmark", "CanvassCore"]),
        .testTarget(name: "CanvassMarkdownTests", dependencies: ["CanvassMarkdown"]),
    ],
    swiftLanguageModes: [.v6]
)
