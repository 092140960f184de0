// Package webchat is the web chat channel: the chat page (at / and, for
// the widget's frame, /webchat/), the embeddable widget script, the
// visitor's signed cookie, the send endpoint that hands a visitor's
// message to the worker's inbox like any channel's event, the stream of
// the conversation to the page (Server-Sent Events), and the Sender that
// writes the bot's replies into the conversation's log.
//
// Replies reach the browser by Server-Sent Events rather than WebSocket:
// the page only needs to receive (its sends are POSTs, each acknowledged
// once the event is durable in the inbox, which a request/response fits
// better than a frame on a socket), and the protocol's own Last-Event-ID
// resumes a dropped stream exactly where it stopped, so a reconnect or a
// reload replays from the log what the page missed, in order and once.
// It is plain HTTP through any proxy and needs no library.
//
// Every line of a conversation is a row of the log (store): the visitor's
// lines are written by the send endpoint (idempotent on the page's id for
// the message), the bot's by the Sender (idempotent on the outbox
// delivery). A stream replays the log after its cursor whenever the Hub
// says a visitor has new lines: at once for lines written by this
// process, within a second for lines written by another replica.
package webchat
