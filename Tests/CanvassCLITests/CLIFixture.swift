import CanvassCLI

/// Runs the CLI in-process and returns its exit code and output.
func runCLI(_ arguments: [String]) -> (code: Int32, out: String, err: String) {
    let capture = CapturedConsole()
    let code = CanvassCommand.run(arguments: arguments, console: capture.console)
    return (code, capture.stdout, capture.stderr)
}
