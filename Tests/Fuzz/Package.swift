// swift-tools-version:6.0
// The fuzz harness: libFuzzer over Canvass's readers of untrusted text. Build and run with
// Tests/Fuzz/run.sh; not part of the normal build. The target is a dynamic library exporting
// LLVMFuzzerTestOneInput; run.sh links the fuzzer executable around it with swiftc, so that
// libFuzzer's own main is the only one.
import PackageDescription

let package = Package(
    name: "CanvassFuzz",
    products: [.library(name: "CanvassFuzzTarget", type: .dynamic, targets: ["CanvassFuzzTarget"])],
    dependencies: [.package(name: "Canvass", path: "../..")],
    targets: [
        .target(name: "CanvassFuzzTarget", dependencies: [.product(name: "CanvassContent", package: "Canvass")]),
    ]
)
