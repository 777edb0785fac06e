import Foundation

/// Turns an HTTP answer that is not a success into the one typed error, with a sentence for people.
struct ErrorMapping: Sendable {
    let configuration: ClientConfiguration

    func error(for response: HTTPResponseData, request: APIRequest) -> CustomerIOError {
        let status = response.status
        let detail = ErrorEnvelope.detail(from: response.body).map(configuration.key.redact(in:))
        let what = "\(request.method.rawValue) \(request.displayPath)"
        let serverSays = detail.map { " Customer.io says: \($0)" } ?? ""
        let host = request.api == .track ? configuration.trackBaseURL.host ?? "" : configuration.appBaseURL.host ?? ""
        switch status {
        case 301, 302, 307, 308:
            // The API answers "wrong datacenter" with a redirect; following it blindly would send the key elsewhere.
            return CustomerIOError(kind: .wrongRegion, message: "This workspace is not in the \(configuration.region.displayName) region (\(host) redirected). Try --region \(configuration.region.other.rawValue).\(serverSays)", status: status, serverDetail: detail)
        case 401:
            let keyName = request.api == .track ? "Track API site id and key were" : "App API key was"
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
            let reason = detail ?? (status == 413 ? "the request is too large" : "no reason given")
            return CustomerIOError(kind: .badRequest, message: "Customer.io rejected \(what): \(reason)", status: status, serverDetail: detail)
        case 500...599:
            let body = detail ?? BodyExcerpt.describe(response.body, contentType: response.headers["content-type"])
            return CustomerIOError(kind: .server, message: "Customer.io had a server error (\(status)) on \(what); try again shortly. It answered \(body).", status: status, serverDetail: detail)
        default:
            let body = detail ?? BodyExcerpt.describe(response.body, contentType: response.headers["content-type"])
            return CustomerIOError(kind: .badRequest, message: "Unexpected answer \(status) to \(what): \(body).", status: status, serverDetail: detail)
        }
    }

    /// A 2xx whose body cannot be read as the expected JSON.
    func malformed(_ response: HTTPResponseData, request: APIRequest, reason: String?) -> CustomerIOError {
        let body = configuration.key.redact(in: BodyExcerpt.describe(response.body, contentType: response.headers["content-type"]))
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
