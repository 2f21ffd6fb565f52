import CanvassCLI
// jemalloc, linked by importing it, is the process's allocator: a build makes millions of small
// objects on both cores, and glibc's malloc made a cold build of 10,000 notes 7% slower and 10%
// larger at its peak (`make bench`).
import CJemalloc
import Foundation

exit(CanvassCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
