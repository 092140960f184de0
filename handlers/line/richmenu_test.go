package line_test

import (
	"bytes"
	"image/png"
	"testing"

	"github.com/sakemodel/sakebot/handlers/line"
	"github.com/sakemodel/sakebot/handlers/line/linetest"
)

func TestInstallRichMenuReplacesTheOldOne(t *testing.T) {
	api := linetest.NewAPI(t)
	c, err := line.NewClient(line.Config{Token: "tok", APIBase: api.URL, DataAPIBase: api.URL})
	if err != nil {
		t.Fatal(err)
	}
	id, err := c.InstallRichMenu()
	if err != nil || id != "richmenu-new" {
		t.Fatalf("install: %q %v", id, err)
	}
	var paths []string
	for _, call := range api.Calls() {
		paths = append(paths, call.Method+" "+call.Path)
		if call.Path == "/v2/bot/richmenu" {
			areas := call.Body["areas"].([]any)
			size := call.Body["size"].(map[string]any)
			if len(areas) != 5 || size["width"] != 2500.0 || size["height"] != 843.0 {
				t.Errorf("menu: %v", call.Body)
			}
		}
	}
	want := []string{"GET /v2/bot/richmenu/list", "POST /v2/bot/richmenu", "POST /v2/bot/richmenu/richmenu-new/content",
		"POST /v2/bot/user/all/richmenu/richmenu-new", "DELETE /v2/bot/richmenu/richmenu-old"}
	if len(paths) != len(want) {
		t.Fatalf("calls:\n%v\nwant\n%v", paths, want)
	}
	for i := range want {
		if paths[i] != want[i] {
			t.Fatalf("call %d: %s, want %s", i, paths[i], want[i])
		}
	}
}

func TestRichMenuImageHasLINESize(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(line.RichMenuImage()))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 2500 || b.Dy() != 843 {
		t.Fatalf("image is %dx%d", b.Dx(), b.Dy())
	}
	if n := len(line.RichMenuImage()); n > 1<<20 {
		t.Fatalf("image is %d bytes; LINE takes at most 1 MB", n)
	}
}
