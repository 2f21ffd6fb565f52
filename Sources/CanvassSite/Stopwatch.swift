import Foundation

/// Wall-clock and CPU laps for `--verbose` timings; never part of the output. CPU time above wall
/// time shows a stage using both cores; equal to it, one.
struct Stopwatch {
    private var last = DispatchTime.now().uptimeNanoseconds
    private var lastCPU = Self.processCPU()

    mutating func lap(_ stage: String) -> (stage: String, seconds: Double, cpu: Double) {
        let now = DispatchTime.now().uptimeNanoseconds
        let cpu = Self.processCPU()
        defer { (last, lastCPU) = (now, cpu) }
        return (stage, Double(now - last) / 1e9, cpu - lastCPU)
    }

    private static func processCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
