import Dispatch
import Synchronization

// Parsing a large file on two cores.
//
// A project file is mostly a few long arrays of rows, so the file is cut at the start of an array
// element near its middle. A second thread scans from the top to find that cut (a scan only
// tracks strings, brackets and line breaks, several times faster than parsing), publishes it, and
// parses from the cut to the end of the file with the open containers it found standing in for the
// ones this thread has open there. This thread parses from the top and stops when it reaches the
// cut; if its state there is the one the scan described, the other thread's elements and members
// are appended to its open containers, which then close as a single pass would close them.
// Anything unexpected (no cut found, a cut this thread passed before it was published, a state
// that differs) falls back to parsing on in one pass, so the tree and the first error are always
// those of a single pass.

/// Where the second thread starts: the first byte of an array element, and the parser state there.
struct SplitPoint {
    var offset: Int
    var line: Int
    var lineStart: Int
    /// UTF-8 continuation bytes between the line start and `offset` (all inside strings).
    var continuationBytes: Int
    /// The containers open at `offset`, outermost first: true for an object, false for an array.
    var openContainers: [Bool]

    /// Scans from `start` for the first element of an array that follows a comma at or after
    /// `target`; nil if there is none or the text is not well formed before it.
    static func find(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, target: Int, maxDepth: Int) -> SplitPoint? {
        let end = bytes.count
        var open: [Bool] = []
        var line = 1
        var lineStart = start
        // Set at the comma that ends the cut's array element; the cut is the next byte that is not
        // whitespace, whose line breaks the loop counts as everywhere else.
        var afterComma = false
        var i = start
        while i < end {
            let byte = bytes[i]
            if afterComma, byte != ASCII.space, byte != ASCII.tab, byte != ASCII.lineFeed, byte != ASCII.carriageReturn {
                guard byte != ASCII.closeBracket else { return nil }
                var continuation = 0
                for index in lineStart..<i where bytes[index] & 0xC0 == 0x80 { continuation += 1 }
                return SplitPoint(offset: i, line: line, lineStart: lineStart, continuationBytes: continuation, openContainers: open)
            }
            switch byte {
            case ASCII.quote:
                guard let close = closingQuote(in: bytes, after: i) else { return nil }
                i = close
            case ASCII.openBracket, ASCII.openBrace:
                open.append(byte == ASCII.openBrace)
                guard open.count <= maxDepth else { return nil }
            case ASCII.closeBracket, ASCII.closeBrace:
                guard let innermost = open.popLast(), innermost == (byte == ASCII.closeBrace) else { return nil }
            case ASCII.lineFeed:
                line += 1
                lineStart = i + 1
            case ASCII.carriageReturn:
                // As `skipWhitespace` counts them: CR LF is one line break, a lone CR is one too.
                line += 1
                if i + 1 < end, bytes[i + 1] == ASCII.lineFeed { i += 1 }
                lineStart = i + 1
            case ASCII.comma where i >= target && open.last == false:
                afterComma = true
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// The offset of the quote that closes the string opening at `open`; nil at a raw line break
    /// (not allowed in a string, and the scan's line count would go wrong) or the end of input.
    private static func closingQuote(in bytes: UnsafeBufferPointer<UInt8>, after open: Int) -> Int? {
        let end = bytes.count
        let base = bytes.baseAddress!
        var i = open + 1
        while i < end {
            if i + 8 <= end {
                // Eight ordinary bytes at a time, as the parser's string scan does.
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let special = Parser.specialByteMask(word)
                if special == 0 {
                    i += 8
                    continue
                }
                i += special.trailingZeroBitCount >> 3
            }
            switch base[i] {
            case ASCII.quote: return i
            case ASCII.backslash: i += 2
            case ASCII.lineFeed, ASCII.carriageReturn: return nil
            default: i += 1
            }
        }
        return nil
    }
}

/// The second thread's work and what it found, shared with the parser that started it.
///
/// The worker writes `point` and `result` before it signals `done`; the parser reads them only
/// after waiting for `done`, so those fields need no lock.
final class SplitJob: @unchecked Sendable {
    private enum State: Int {
        case pending, running, cancelled
    }

    private let state = Atomic<Int>(State.pending.rawValue)
    private let published = Atomic<Int>(-1)
    private let stopRequested = Atomic<Bool>(false)
    private let done = DispatchSemaphore(value: 0)
    private let scanned = DispatchSemaphore(value: 0)
    private(set) var point: SplitPoint?
    private(set) var result: Result<JSONNode, JSONSyntaxError>?

    /// The cut, once found; -1 before (no byte offset equals it).
    var offset: Int { published.load(ordering: .relaxed) }

    /// Finds the cut and parses from it to the end; does nothing if the parser already gave up on it.
    func run(_ input: SplitInput) {
        guard state.compareExchange(expected: State.pending.rawValue, desired: State.running.rawValue, ordering: .acquiringAndReleasing).exchanged
        else { return }
        defer { done.signal() }
        let bytes = input.bytes
        let found = SplitPoint.find(in: bytes, from: input.start, target: input.target, maxDepth: input.maxDepth)
        if let found {
            point = found
            published.store(found.offset, ordering: .releasing)
        }
        scanned.signal()
        guard let point = found else { return }
        guard !stopRequested.load(ordering: .acquiring) else { return }
        var parser = Parser(bytes: bytes, maxDepth: input.maxDepth)
        do { result = .success(try parser.parseTail(from: point)) } catch { result = .failure(error) }
    }

    /// Waits until the worker has looked for the cut (tests: so the split path is taken on any input).
    func waitForScan() {
        scanned.wait()
    }

    /// Waits until the worker has finished, or makes sure it never starts.
    func settle() {
        if state.compareExchange(expected: State.pending.rawValue, desired: State.cancelled.rawValue, ordering: .acquiringAndReleasing).exchanged {
            return
        }
        stopRequested.store(true, ordering: .releasing)
        done.wait()
    }

    /// Waits for the worker's result (the parser stopped at the published cut, so it is running).
    func waitForResult() -> (SplitPoint, Result<JSONNode, JSONSyntaxError>)? {
        done.wait()
        done.signal()  // `settle` may wait again
        guard let point, let result else { return nil }
        return (point, result)
    }
}

/// The input and where to look for the cut, handed to the worker thread.
struct SplitInput: @unchecked Sendable {
    // The caller keeps the buffer alive until the worker has settled.
    let bytes: UnsafeBufferPointer<UInt8>
    let start: Int
    let target: Int
    let maxDepth: Int
}

extension Parser {
    /// Parses the root value with a second thread taking the part of the input after `target`.
    ///
    /// `waitForCut` makes this thread start only once the cut is known, so tests take the split
    /// path on inputs small enough to parse before a thread starts.
    mutating func parseSplitting(at target: Int, waitForCut: Bool) throws(JSONSyntaxError) -> JSONNode {
        let job = SplitJob()
        let input = SplitInput(bytes: bytes, start: index, target: target, maxDepth: maxDepth)
        DispatchQueue.global().async { job.run(input) }
        // The worker reads the input: whatever happens here, it must be done before we return.
        defer { job.settle() }
        if waitForCut { job.waitForScan() }
        splitJob = job
        let stopped = try parseValue()
        splitJob = nil
        if let root = stopped { return root }
        if let (point, result) = job.waitForResult(), isAt(point) {
            let tail = try result.get()
            index = end  // the worker checked that nothing but whitespace follows
            return adopt(tail, openContainers: point.openContainers.count)
        }
        // The state here is not the one the scan saw: go on in one pass.
        return try parseValue()!
    }

    /// Whether this parser, stopped at `point.offset`, is in the state the scan described there.
    func isAt(_ point: SplitPoint) -> Bool {
        guard index == point.offset, line == point.line, lineStart == point.lineStart,
            continuationBytes &- continuationBytesAtLineStart == point.continuationBytes,
            containers.count == point.openContainers.count, depth == point.openContainers.count
        else { return false }
        for (level, isObject) in point.openContainers.enumerated() where containers.element(at: level).isObject != isObject {
            return false
        }
        return true
    }

    /// The worker's pass: from `point` to the end of the input, inside stand-ins for the containers
    /// open there. Each stand-in object gets a placeholder member first, standing for the member
    /// whose value is still open in the other parser; each stand-in's first item is then its open
    /// child (a placeholder member's value, or an array's first element), and the rest are new.
    mutating func parseTail(from point: SplitPoint) throws(JSONSyntaxError) -> JSONNode {
        index = point.offset
        line = point.line
        lineStart = point.lineStart
        continuationBytes = point.continuationBytes
        continuationBytesAtLineStart = 0
        let nowhere = PackedPosition(line: 0, column: 0, offset: 0)
        for isObject in point.openContainers {
            depth &+= 1
            if isObject {
                containers.push(OpenContainer(position: nowhere, base: memberStack.count, isObject: true))
                memberStack.push(JSONMember(key: "", packedKeyPosition: nowhere, value: JSONNode(value: .null, packedPosition: nowhere)))
            } else {
                containers.push(OpenContainer(position: nowhere, base: nodeStack.count, isObject: false))
            }
        }
        let tail = try parseValue()!
        try finishDocument()
        return tail
    }

    /// Completes this parser's open containers with the worker's items and closes them all.
    mutating func adopt(_ tail: JSONNode, openContainers levels: Int) -> JSONNode {
        // The worker's stand-ins, outermost first.
        var standIns: [JSONValue] = []
        standIns.reserveCapacity(levels)
        var current = tail.value
        for level in 0..<levels {
            standIns.append(current)
            guard level < levels - 1 else { break }
            switch current {
            case .object(let members): current = members[0].value.value
            case .array(let elements): current = elements[0].value
            default: preconditionFailure("a stand-in is an array or an object")
            }
        }
        var closed: JSONNode?
        for level in stride(from: levels - 1, through: 0, by: -1) {
            let container = containers.pop()
            // The innermost stand-in holds only new elements; the others start with their open child.
            let skip = level == levels - 1 ? 0 : 1
            switch standIns[level] {
            case .object(let members):
                if let child = closed { memberStack.top.pointee.value = child }
                for member in members.dropFirst(skip) { memberStack.push(member) }
                closed = JSONNode(value: .object(memberStack.popArray(from: container.base)), packedPosition: container.position)
            case .array(let elements):
                if let child = closed { nodeStack.push(child) }
                for element in elements.dropFirst(skip) { nodeStack.push(element) }
                closed = JSONNode(value: .array(nodeStack.popArray(from: container.base)), packedPosition: container.position)
            default:
                preconditionFailure("a stand-in is an array or an object")
            }
            depth &-= 1
        }
        return closed!
    }
}
