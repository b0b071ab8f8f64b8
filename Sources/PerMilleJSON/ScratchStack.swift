/// A growable stack that hands out its top elements as an exactly sized array, by moving them.
///
/// Swift arrays cannot give up elements without copying and releasing them, and appending to a
/// fresh array per container reallocates it log2(n) times. Moving out of one reused buffer
/// allocates each container's array once and touches no reference counts.
struct ScratchStack<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        self.base = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
    }

    deinit {
        // Elements are left behind when parsing stops at an error.
        base.deinitialize(count: count)
        base.deallocate()
    }

    @inline(__always)
    mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: element)
        count &+= 1
    }

    /// The top element, to read or update in place; the stack must not be empty.
    var top: UnsafeMutablePointer<Element> {
        @inline(__always) get { base + (count &- 1) }
    }

    /// The element `index` places from the bottom; it must be below `count`.
    func element(at index: Int) -> Element { base[index] }

    /// Removes and returns the top element; the stack must not be empty.
    @inline(__always)
    mutating func pop() -> Element {
        count &-= 1
        return (base + count).move()
    }

    /// Removes the elements from `start` to the top and returns them in order.
    mutating func popArray(from start: Int) -> [Element] {
        let moved = count - start
        guard moved > 0 else { return [] }
        // reserveCapacity + append is specialized in this module; `Array(unsafeUninitializedCapacity:)`
        // calls an unspecialized runtime entry point that looks up type metadata on every call.
        var result: [Element] = []
        result.reserveCapacity(moved)
        for i in start..<count {
            result.append((base + i).move())
        }
        count = start
        return result
    }

    private mutating func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
