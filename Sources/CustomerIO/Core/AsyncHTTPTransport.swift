import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The production transport over AsyncHTTPClient: pooled keep-alive connections, no redirects followed.
public final class AsyncHTTPTransport: HTTPTransport {
    /// One client for the whole process: connection pooling only pays off when shared.
    public static let shared = AsyncHTTPTransport()

    /// Bodies larger than this are refused rather than buffered; the largest real pages are a few MB.
    private let maxBodyBytes = 64 * 1024 * 1024
    private let client: HTTPClient

    private init() {
        var configuration = HTTPClient.Configuration()
        // The API signals "wrong datacenter" with a redirect; following it would send the key to another host.
        configuration.redirectConfiguration = .disallow
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(60))
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 16)
        // The pool would otherwise keep re-trying a refused connection until the deadline; our retry policy
        // decides about retries, so a closed port is reported in milliseconds, not after half a minute.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.decompression = .enabled(limit: .ratio(50))
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    public func send(_ request: HTTPRequestData) async throws -> HTTPResponseData {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let deadline = NIODeadline.now() + .milliseconds(Int64(request.timeout * 1000))
        do {
            let response = try await client.execute(outgoing, deadline: deadline)
            var headers: [String: String] = [:]
            for (name, value) in response.headers {
                headers[name.lowercased()] = headers[name.lowercased()].map { "\($0), \(value)" } ?? value
            }
            let buffer = try await response.body.collect(upTo: maxBodyBytes)
            return HTTPResponseData(status: Int(response.status.code), headers: headers, body: Data(buffer.readableBytesView))
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPClientError {
            throw Self.classify(error)
        } catch let error as IOError where error.errnoCode == ECONNREFUSED {
            throw TransportFailure.notSent("connection refused")
        } catch let error as ChannelError {
            if case .connectTimeout = error { throw TransportFailure.notSent("connection timed out") }
            throw TransportFailure.interrupted(String(describing: error))
        } catch {
            // NIOPosix reports failed connects as NIOConnectionError; matching by name avoids importing NIOPosix.
            if String(reflecting: type(of: error)).contains("NIOConnectionError") {
                throw TransportFailure.notSent("cannot connect to \(request.url.host ?? "the server")")
            }
            throw TransportFailure.interrupted(Self.shortDescription(error))
        }
    }

    private static func classify(_ error: HTTPClientError) -> TransportFailure {
        // HTTPClientError is a struct of static values, so compare rather than switch.
        let unsent: [HTTPClientError] = [.connectTimeout, .getConnectionFromPoolTimeout, .invalidURL, .emptyHost, .emptyScheme, .socksHandshakeTimeout, .httpProxyHandshakeTimeout, .tlsHandshakeTimeout]
        if unsent.contains(error) { return .notSent(shortDescription(error)) }
        let timeouts: [HTTPClientError] = [.deadlineExceeded, .readTimeout, .writeTimeout]
        if timeouts.contains(error) { return .timedOut }
        return .interrupted(shortDescription(error))
    }

    private static func shortDescription(_ error: any Error) -> String {
        String(describing: error).replacingOccurrences(of: "HTTPClientError.", with: "")
    }
}
