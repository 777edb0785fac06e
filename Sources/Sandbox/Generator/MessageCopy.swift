/// Plausible subjects, bodies and names for generated messages.
enum MessageCopy {
    static func slug(_ text: String) -> String {
        var result = ""
        var dash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic && scalar.isASCII || ("0" ... "9").contains(scalar) {
                if dash && !result.isEmpty { result.append("-") }
                result.unicodeScalars.append(scalar)
                dash = false
            } else {
                dash = true
            }
        }
        return result
    }

    static func actionName(type: String, step: Int, campaign: String) -> String {
        switch type {
        case "push": "Push \(step): \(campaign)"
        case "twilio": "SMS \(step): \(campaign)"
        case "webhook": "Webhook \(step): notify CRM"
        case "slack": "Slack \(step): alert account team"
        case "in_app": "In-app \(step): \(campaign)"
        default: "Email \(step): \(campaign)"
        }
    }

    private static let openers = [
        "Quick question, {{customer.first_name}}", "Your week at Lumen", "Don't miss this", "We saved your spot",
        "A little something for you", "Here's what's new", "Last chance", "Thanks for being with us",
        "Your account, at a glance", "3 tips to get more done",
    ]

    static func subject(campaign: String, step: Int, type: String) -> String {
        switch type {
        case "push", "in_app": return "\(campaign) 👋"
        case "twilio": return ""
        case "webhook", "slack": return ""
        default:
            let index = (campaign.unicodeScalars.reduce(0) { $0 &+ Int($1.value) } + step) % openers.count
            return step == 1 ? campaign : openers[index]
        }
    }

    static func body(subject: String, type: String) -> String {
        switch type {
        case "twilio": return "Lumen: \(subject.isEmpty ? "you have an update" : subject). Reply STOP to opt out."
        case "push": return "{{customer.first_name}}, \(subject.lowercased())"
        case "webhook", "slack": return "{\"person\":\"{{customer.id}}\",\"event\":\"{{event.name}}\"}"
        default:
            return "<html><body><h1>\(subject)</h1><p>Hi {{customer.first_name}},</p><p>Here is the news we promised.</p><p><a href=\"https://lumenapp.io\">Open Lumen</a></p>{% snippet 'footer' %}</body></html>"
        }
    }

    static func recipient(type: String) -> String {
        switch type {
        case "twilio": "{{customer.phone}}"
        case "push", "in_app": "{{customer.id}}"
        case "webhook", "slack": ""
        default: "{{customer.email}}"
        }
    }
}
