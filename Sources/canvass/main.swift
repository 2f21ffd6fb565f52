import CanvassCLI
import Foundation

exit(CanvassCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
