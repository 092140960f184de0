// Package line is sakebot's LINE channel: the signed webhook that writes
// events to the inbox and answers at once, the Sender that delivers the
// engine's replies (reply token first, push with a retry key after), the
// rendering of bot.Reply as LINE messages (text, quick replies, Flex), and
// the default rich menu.
package line
