package worker_test

import (
	"testing"

	"github.com/sakemodel/sakebot/store/storetest"
)

// TestMain stops the throwaway PostgreSQL cluster, if the tests started one.
func TestMain(m *testing.M) { storetest.Main(m) }
