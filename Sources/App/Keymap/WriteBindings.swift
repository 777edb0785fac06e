/// Bindings for writes: the composer, the review screen before any write, and manual segments.
extension Keymap {
    static let writes: [Binding] = [
        Binding("compose", ["c"], "Compose: a transactional email, push or SMS, or a broadcast trigger (to the person shown)", name: "Compose", section: "Writes", writes: true, command: .compose),
        Binding("manual.create", ["N"], "New segment (manual; named, then reviewed)", name: "New segment", section: "Writes", panes: managing, writes: true, command: .createSegment) { state in
            state.isOnList ? nil : "only on the Segments list"
        },
        Binding("manual.delete", ["D"], "Delete segment (a manual one; the review asks first)", name: "Delete segment", section: "Writes", panes: managing, writes: true, command: .deleteSegment) { state in
            SegmentWrites.deletable(state) == nil ? SegmentWrites.deleteUnavailableReason(state) : nil
        },
        Binding("manual.add", ["+"], "Add to segment (the person shown or the member selected, to a manual segment)", name: "Add to segment", section: "Writes", panes: membership, writes: true, command: .addToSegment) { state in
            SegmentWrites.personShown(state) == nil ? "open a person, or select a segment's member, first" : nil
        },
        Binding("person.act", ["a"], "Act on this person, or on the people marked: attributes, subscription, suppress, delete, merge, devices, events, relationships, segments (each reviewed)", name: "Act on this person, or on the people marked", section: "Writes", panes: PaneKind.showingPeople, writes: true, command: .actOnPerson) { state in
            TrackFormUpdate.personShown(state) == nil && MarkedPeople.people(state).isEmpty ? "open a person's profile, or mark people (space) on a list of people" : nil
        },
        Binding("object.act", ["a"], "Objects: create or update an object, or delete the one selected (each reviewed)", name: "Objects", section: "Writes", panes: [.objects], writes: true, command: .actOnObject),
        Binding("pipelines", ["P"], "Pipelines API test tool: an identify, track, page, screen, group or alias call, or a batch, reviewed, sent with the write key, its answer shown", name: "Pipelines API test tool", section: "Writes", writes: true, command: .pipelines),
        Binding("form.review", ["ctrl-s"], "On a Track form: review the write (Enter on the last field does too; nothing leaves before y)", name: "On a Track form", section: "Writes", scope: .input, command: .formReview),
        Binding("manual.remove", ["-"], "Remove member (the member selected, or the person shown from the manual segment selected)", name: "Remove member", section: "Writes", panes: membership, writes: true, command: .removeFromSegment) { state in
            SegmentWrites.removal(state) == nil ? SegmentWrites.removeUnavailableReason(state) : nil
        },
    ]

    /// Panes listing manual segments (`N`, `D`), and panes showing people who can join or leave one (`+`, `-`).
    private static let managing = Set(PaneRegistry.kinds { $0 is any ManagesManualSegments.Type })
    private static let membership = Set(PaneRegistry.kinds { $0 is any ManualSegmentMembership.Type })

    static let composer: [Binding] = [
        Binding("composer.down", ["down", "j", "tab"], "Next field (or draft)", name: "Next field", section: "Composer", scope: .composer, command: .composerDown),
        Binding("composer.up", ["up", "k", "shift-tab"], "Previous field (or draft)", name: "Previous field", section: "Composer", scope: .composer, command: .composerUp),
        Binding("composer.edit", ["enter", "space"], "Edit the field: type, pick from a list, or step through its values", name: "Edit the field", section: "Composer", scope: .composer, command: .composerEdit),
        Binding("composer.external", ["ctrl-e", "E"], "Edit the field in $VISUAL / $EDITOR (long JSON, a body)", name: "Edit the field in $VISUAL / $EDITOR", section: "Composer", scope: .composer, command: .composerExternalEdit),
        Binding("composer.review", ["ctrl-s", "s"], "Review before sending (nothing leaves before the review's y)", name: "Review before sending", section: "Composer", scope: .composer, command: .composerReview),
        Binding("composer.delete-draft", ["d"], "Delete the selected draft", section: "Composer", scope: .composer, command: .composerDeleteDraft),
        Binding("composer.close", ["esc", "q"], "Close (the draft is kept)", name: "Close", section: "Composer", scope: .composer, command: .composerClose),
    ]

    static let review: [Binding] = [
        Binding("review.send", ["y"], "Send, exactly as shown (the only key that sends; after a typed number when asked)", name: "Send, exactly as shown", section: "Review", scope: .review, command: .reviewSend),
        Binding("review.edit", ["e"], "Back to the composer", section: "Review", scope: .review, command: .reviewEdit),
        Binding("review.postpone", ["p"], "Postpone: keep it as a draft", name: "Postpone", section: "Review", scope: .review, command: .reviewPostpone),
        Binding("review.abort", ["n", "esc", "q"], "Abort (the default; the draft stays in the composer)", name: "Abort", section: "Review", scope: .review, command: .reviewAbort),
        Binding("review.open", ["enter"], "After a send: open what it made (Enter never sends)", name: "After a send", section: "Review", scope: .review, command: .reviewOpenOutcome),
        Binding("review.down", ["down", "j"], "Scroll down", section: "Review", scope: .review, command: .reviewDown),
        Binding("review.up", ["up", "k"], "Scroll up", section: "Review", scope: .review, command: .reviewUp),
        Binding("review.erase", ["backspace", "ctrl-h"], "Erase a typed digit", section: "Review", scope: .review, command: .reviewErase),
    ]
}
