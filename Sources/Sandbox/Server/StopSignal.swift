import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A pipe whose read end becomes readable, and stays readable, once the server stops. Every blocking
/// wait in the server polls it next to its socket, so one write wakes all of them.
final class StopSignal: Sendable {
    let readDescriptor: Int32
    private let writeDescriptor: Int32
    private let fired = LockedValue(false)

    init() throws(SandboxError) {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw .cannotListen(port: 0, reason: "cannot create a pipe: \(POSIXSocket.lastError())") }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
        _ = fcntl(readDescriptor, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeDescriptor, F_SETFD, FD_CLOEXEC)
    }

    var isFired: Bool { fired.withLock { $0 } }

    func fire() {
        let first = fired.withLock { value -> Bool in
            defer { value = true }
            return !value
        }
        guard first else { return }
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    deinit {
        POSIXSocket.closeDescriptor(readDescriptor)
        POSIXSocket.closeDescriptor(writeDescriptor)
    }
}
