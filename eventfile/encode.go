package eventfile

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/sakemodel/sakebot/bot"
	"gopkg.in/yaml.v3"
)

// Encode writes events to w in the format Decode reads, in the order
// given: id, kind, title, starts, ends, deadline, place and url (when
// set), capacity, note (when set) and state. It does not validate, so that
// an export never fails; for events Decode accepts, Decode(Encode(events))
// returns the same content fields.
func Encode(w io.Writer, events []bot.Event) error {
	root := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, e := range events {
		root.Content = append(root.Content, entryNode(e))
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return fmt.Errorf("eventfile: encode: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("eventfile: encode: %w", err)
	}
	return nil
}

// entryNode builds the mapping of one event.
func entryNode(e bot.Event) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	add := func(key string, value *yaml.Node) {
		m.Content = append(m.Content, strNode(key), value)
	}
	if e.ID != 0 {
		add(keyID, intNode(e.ID))
	}
	add(keyKind, strNode(string(e.Kind)))
	add(keyTitle, strNode(e.Title))
	add(keyStarts, strNode(formatTime(e.StartsAt)))
	add(keyEnds, strNode(formatTime(e.EndsAt)))
	add(keyDeadline, strNode(formatTime(e.Deadline)))
	if e.Place != "" {
		add(keyPlace, strNode(e.Place))
	}
	if e.URL != "" {
		add(keyURL, strNode(e.URL))
	}
	add(keyCapacity, intNode(int64(e.Capacity)))
	if e.Note != "" {
		add(keyNote, textNode(e.Note))
	}
	state := e.State
	if state == "" {
		state = bot.EventOpen
	}
	add(keyState, strNode(string(state)))
	return m
}

// strNode is a string, quoted only where YAML needs it.
func strNode(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// textNode is a string, as a literal block when it has several lines.
func textNode(s string) *yaml.Node {
	n := strNode(s)
	if strings.Contains(s, "\n") {
		n.Style = yaml.LiteralStyle
	}
	return n
}

// intNode is an integer.
func intNode(i int64) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(i, 10)}
}
