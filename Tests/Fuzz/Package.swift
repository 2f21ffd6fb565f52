// swift-tools-version:6.0
// The fuzz harness: libFuzzer over Canvass's readers of untrusted text. Build and run with
// Tests/Fuzz/run.sh (it passes -sanitize=fuzzer,address); not part of the normal build.
import PackageDescription

let package = Package(
    name: "CanvassFuzz",
    dependencies: [.package(name: "Canvass", path: "../..")],
    targets: [
        .executableTarget(
            name: "CanvassFuzz",
            dependencies: [.product(name: "CanvassContent", package: "Canvass")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
