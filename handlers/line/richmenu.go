package line

import (
	"bytes"
	_ "embed"
	"fmt"

	"github.com/line/line-bot-sdk-go/v8/linebot/messaging_api"
	"github.com/sakemodel/sakebot/bot"
)

// richMenuPNG is the menu's image, 2500×843 (LINE's compact size). It is
// drawn from richmenu/richmenu.html with headless Chromium (see the
// README's LINE section).
//
//go:embed richmenu/richmenu.png
var richMenuPNG []byte

// RichMenuName names sakebot's menu, so running the command again replaces
// it instead of piling menus up.
const RichMenuName = "sakebot"

// richMenuButtons are the menu's five areas, left to right; each sends the
// engine the same text a candidate could type.
var richMenuButtons = []string{"よくある質問", "応募する", bot.MenuBooking, "担当者と話す", "応募状況"}

// InstallRichMenu creates the default rich menu with its image, makes it
// the default for every user, then deletes the menus it replaces. It
// returns the new menu's id.
func (c *Client) InstallRichMenu() (string, error) {
	res, list, err := c.api.GetRichMenuListWithHttpInfo()
	closeBody(res)
	if err != nil {
		return "", fmt.Errorf("list rich menus: %w", classify(res, err))
	}
	res, created, err := c.api.CreateRichMenuWithHttpInfo(richMenuRequest())
	closeBody(res)
	if err != nil {
		return "", fmt.Errorf("create rich menu: %w", classify(res, err))
	}
	id := created.RichMenuId
	res, _, err = c.blob.SetRichMenuImageWithHttpInfo(id, "image/png", bytes.NewReader(richMenuPNG))
	closeBody(res)
	if err != nil {
		return "", fmt.Errorf("upload rich menu image: %w", classify(res, err))
	}
	res, _, err = c.api.SetDefaultRichMenuWithHttpInfo(id)
	closeBody(res)
	if err != nil {
		return "", fmt.Errorf("set default rich menu: %w", classify(res, err))
	}
	for _, m := range list.Richmenus {
		if m.Name != RichMenuName || m.RichMenuId == id {
			continue
		}
		res, _, err := c.api.DeleteRichMenuWithHttpInfo(m.RichMenuId)
		closeBody(res)
		if err != nil {
			return id, fmt.Errorf("delete old rich menu %s: %w", m.RichMenuId, classify(res, err))
		}
	}
	return id, nil
}

// richMenuRequest describes the menu: five equal areas across the image.
func richMenuRequest() *messaging_api.RichMenuRequest {
	const w, h = 2500, 843
	areas := make([]messaging_api.RichMenuArea, 0, len(richMenuButtons))
	for i, text := range richMenuButtons {
		x := int64(i * w / len(richMenuButtons))
		width := int64((i+1)*w/len(richMenuButtons)) - x
		areas = append(areas, messaging_api.RichMenuArea{
			Bounds: &messaging_api.RichMenuBounds{X: x, Y: 0, Width: width, Height: h},
			Action: &messaging_api.PostbackAction{Label: text, Data: bot.MenuPostback(text), DisplayText: text},
		})
	}
	return &messaging_api.RichMenuRequest{Size: &messaging_api.RichMenuSize{Width: w, Height: h}, Selected: true,
		Name: RichMenuName, ChatBarText: "メニュー", Areas: areas}
}

// RichMenuImage returns the embedded menu image (PNG).
func RichMenuImage() []byte { return richMenuPNG }
