import Foundation

/// Maps over an array on every core, keeping the input order.
public enum ParallelMap {
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let results = ResultSlots<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            results.store(transform(inputs[index]), at: index)
        }
        return results.values()
    }

    /// `map` handing each core `chunk` inputs at a time: for many small transforms.
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], chunk: Int, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        let starts = Array(stride(from: 0, to: inputs.count, by: chunk))
        return map(starts) { start in inputs[start..<min(start + chunk, inputs.count)].map(transform) }.flatMap { $0 }
    }

    /// Runs two independent pieces of work at once, on two cores when there are two.
    public static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let a = ResultSlots<A>(count: 1), b = ResultSlots<B>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { which in
            if which == 0 { a.store(first(), at: 0) } else { b.store(second(), at: 0) }
        }
        return (a.values()[0], b.values()[0])
    }
}

/// Work started on a thread of its own, for the caller to collect when it needs the result.
///
/// For a long piece of work, mostly on one core, that can run beside a `ParallelMap` on the
/// calling thread: nested inside `ParallelMap.both`, that map would find every worker taken and
/// run on one core.
public final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the work to finish and returns its result; any number of threads may ask.
    public func value() -> Value {
        done.wait()
        // Let the next caller through: once done, the semaphore stays open.
        done.signal()
        return result!
    }
}

/// Write-once slots filled from several threads; each index is written by exactly one, and the
/// values are read only after every writer finished (`concurrentPerform` returns after all its
/// iterations). Distinct slots need no lock: a lock per store made threads wait on each other
/// when the transforms are small.
private final class ResultSlots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func store(_ value: Value, at index: Int) {
        precondition(index >= 0 && index < count)
        slots[index] = value
    }

    func values() -> [Value] {
        UnsafeBufferPointer(start: slots, count: count).map { $0! }
    }
}
