// Linked with -sanitize=fuzzer: libFuzzer supplies main and calls LLVMFuzzerTestOneInput from the library.
@_silgen_name("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt

// Keeps a reference so the linker records the dependency on the library.
let keep = fuzzOne
