// Package line is sakebot's LINE channel: the signed webhook that writes
// events to the inbox and answers at once, the Sender that delivers the
// engine's replies (reply token first, push with a retry key after), the
// rendering of bot.Reply as LINE messages (text, quick replies, Flex), and
// the default rich menu.
//
// It imports handlers (body and logging), bot, worker and jpinput and the
// LINE SDK; never store, another channel, or SQL: the worker and the store
// are handed to it by cmd.
package line
