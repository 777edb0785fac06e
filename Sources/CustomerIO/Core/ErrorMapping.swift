import Foundation

/// Turns an HTTP answer that is not a success into the one typed error, with a sentence for people.
struct ErrorMapping: Sendable {
    let configuration: ClientConfiguration
    /// Every credential, in every form it is sent in, comes out of what the server wrote before anyone sees it.
    let redact: Redactor

    init(configuration: ClientConfiguration) {
        self.configuration = configuration
        redact = Redactor(configuration)
    }

    func error(for response: HTTPResponseData, request: APIRequest) -> CustomerIOError {
        let status = response.status
        let detail = ErrorEnvelope.detail(from: response.body, redact: redact)
        let what = "\(request.method.rawValue) \(request.displayPath)"
        let serverSays = detail.map { " Customer.io says: \($0)" } ?? ""
        let host = configuration.baseURL(for: request.api).host ?? ""
        if request.safety != .read, !(400..<500).contains(status) {
            return outcomeUnknown(response, what: what, host: host, detail: detail)
        }
        switch status {
        case 301, 302, 307, 308:
            // The API answers "wrong datacenter" with a redirect; following it blindly would send the key elsewhere.
            return CustomerIOError(kind: .wrongRegion, message: "This workspace is not in the \(configuration.region.displayName) region (\(host) redirected). Try --region \(configuration.region.other.rawValue).\(serverSays)", status: status, serverDetail: detail)
        case 401:
            let keyName = switch request.api {
            case .track: "Track API site id and key were"
            case .cdp: "Pipelines write key was"
            case .app: "App API key was"
            }
            var message = "The \(keyName) refused by \(host)."
            if !configuration.isBaseURLOverridden {
                message += " If the workspace is in the \(configuration.region.other.displayName) region, use --region \(configuration.region.other.rawValue)."
            }
            if request.api == .app {
                message += " Check that it is an App API key, not a Track API key."
            }
            return CustomerIOError(kind: .unauthorized, message: message + serverSays, status: status, serverDetail: detail)
        case 403:
            return CustomerIOError(kind: .forbidden, message: "The key is not allowed to do \(what): it lacks the needed scope (or the workspace is not entitled to it).\(serverSays)", status: status, serverDetail: detail)
        case 404:
            var message = "Not found: \(what)."
            if let hint = request.notFoundHint { message += " " + hint }
            return CustomerIOError(kind: .notFound, message: message + serverSays, status: status, serverDetail: detail)
        case 429:
            let wait = RetryAfter.seconds(from: response.headers["retry-after"])
            let limit = request.safety == .trigger ? "1 broadcast trigger per 10 seconds" : "10 requests per second"
            let waitText = wait.map { " Retry after \(Int($0.rounded(.up))) s." } ?? ""
            return CustomerIOError(kind: .rateLimited, message: "Rate limited by Customer.io (\(limit)).\(waitText)\(serverSays)", status: status, serverDetail: detail, retryAfter: wait)
        case 400, 409, 413, 422:
            let reason = detail ?? (status == 413 ? "the request is too large" : response.body.isEmpty ? "no reason given" : excerpt(response, detail: nil))
            return CustomerIOError(kind: .badRequest, message: "Customer.io rejected \(what): \(reason)", status: status, serverDetail: detail)
        case 500...599:
            return CustomerIOError(kind: .server, message: "Customer.io had a server error (\(status)) on \(what); try again shortly. It answered \(excerpt(response, detail: detail)).", status: status, serverDetail: detail)
        default:
            return CustomerIOError(kind: .badRequest, message: "Unexpected answer \(status) to \(what): \(excerpt(response, detail: detail)).", status: status, serverDetail: detail)
        }
    }

    /// A write answered with anything but a clear refusal (4xx): a 5xx, a redirect, a status nobody expects. A
    /// gateway commonly answers 502 or 504 after it has passed the request on, so it may have been processed.
    private func outcomeUnknown(_ response: HTTPResponseData, what: String, host: String, detail: String?) -> CustomerIOError {
        let status = response.status
        let redirected = (300..<400).contains(status)
        let answer = redirected ? "redirected it (\(status))" : "answered \(status)"
        let region = redirected ? " A redirect usually means the workspace is in the other region: try --region \(configuration.region.other.rawValue)." : ""
        return CustomerIOError(
            kind: .outcomeUnknown,
            message: "\(host) \(answer) after \(what) left, so it may or may not have been processed: the outcome is unknown, and it is not retried. Check before sending it again.\(region) It answered \(excerpt(response, detail: detail)).",
            status: status, serverDetail: detail
        )
    }

    /// The server's own words when it gave any, else a short description of its body; secrets removed.
    private func excerpt(_ response: HTTPResponseData, detail: String?) -> String {
        detail ?? BodyExcerpt.describe(response.body, contentType: response.headers["content-type"], redact: redact)
    }

    /// A 2xx whose body cannot be read as the expected JSON.
    func malformed(_ response: HTTPResponseData, request: APIRequest, reason: String?) -> CustomerIOError {
        let body = BodyExcerpt.describe(response.body, contentType: response.headers["content-type"], redact: redact)
        var message = "Customer.io's answer to \(request.method.rawValue) \(request.displayPath) could not be read: it sent \(body)"
        if let reason { message += " (\(reason))" }
        message += "."
        if configuration.isBaseURLOverridden { message += " Check --api-url." }
        return CustomerIOError(kind: .malformedResponse, message: message, status: response.status)
    }
}

/// Parses Retry-After: delta seconds (what the API sends) or an HTTP date.
enum RetryAfter {
    static func seconds(from header: String?, now: Date = Date()) -> Double? {
        guard let header = header?.trimmingCharacters(in: .whitespaces), !header.isEmpty else { return nil }
        if let seconds = Double(header), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: header) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
