// Canvass's own adjustments of the English lexicon for customer feedback (same licence as
// Canvass). In support requests "help", "please" and "support" are asks, not praise; delays,
// cancellations and waiting are complaints VADER's general lexicon does not score.

extension SentimentLexicon {
    static let englishFeedback = #"""
help 0
helps 0
please 0
pls 0
plz 0
support 0
supported 0
like 0.4
delay -1.6
delays -1.6
delayed -1.8
cancel -1.2
cancelled -1.8
canceled -1.8
cancellation -1.5
cancellations -1.5
late -1.2
lost -1.8
missing -1.3
stuck -1.8
stranded -2.2
hold -0.6
waiting -1.0
wait -0.6
waited -1.2
broken -1.9
unusable -2.2
crash -1.8
crashed -2.0
crashes -1.8
bug -1.2
bugs -1.3
buggy -1.8
glitch -1.4
slow -1.5
slower -1.4
laggy -1.8
refund -0.8
overbooked -1.8
rebooked -0.8
hung -1.0
unhelpful -2.0
unanswered -1.6
nobody -0.8
ugh -1.6
fail -1.8
fails -1.8
failed -1.8
worse -2.1
confusing -1.6
complicated -1.2
expensive -1.3
overpriced -2.0
"""#
}
