// The SPA's Ant Design theme, standard and 长辈版 (care mode). Every text colour here was checked
// against its background for the 4.5:1 of GB/T 37668 / WCAG 2.1 AA (ratios in the comments, on
// white unless said): antd's defaults fail for secondary text (rgba(0,0,0,.45): 3.4), links and
// info (#1677ff: 4.1), errors (#ff4d4f: 3.3) and the light tags' text (gold, lime, green…: 2.9–3.9).
import type { ThemeConfig } from "antd";

export const BRAND_RED = "#b71c1c"; // 6.6 with white text on it, and as text on white

// The light tags' text (`<Tag color="green">`, the palette's seventh shade on its first: gold,
// lime, green… 2.9–3.9) is darkened in styles.css: antd derives a palette from its seed and takes
// no override of a single shade, and darker seeds darken the tags' backgrounds as much.

const STANDARD: ThemeConfig = {
  token: {
    colorPrimary: BRAND_RED,
    colorInfo: "#0958d9", // 6.2; links follow it
    colorLink: "#0958d9",
    colorError: "#cf1322", // 5.6 (danger buttons: white on it, 5.6)
    colorErrorText: "#cf1322",
    colorWarningText: "#ad4e00", // 5.4
    colorSuccessText: "#237804", // 5.6
    borderRadius: 4,
    colorTextSecondary: "rgba(0, 0, 0, 0.65)", // #595959: 7.0, 6.7 on the page's #f5f5f5
    colorTextTertiary: "rgba(0, 0, 0, 0.62)", // descriptions, labels of Descriptions: 6.0
    colorTextDescription: "rgba(0, 0, 0, 0.62)",
    colorTextPlaceholder: "rgba(0, 0, 0, 0.6)", // #666: 5.7
    // Disabled controls are exempt from the ratio, but a disabled option or tree node still says
    // something (a closed unit, a step not yet possible): readable, 4.8 on #f5f5f5.
    colorTextDisabled: "rgba(0, 0, 0, 0.56)",
  },
  components: {
    // Status tags take their text from the status colour itself.
    Tag: { colorSuccess: "#237804", colorWarning: "#ad4e00", colorInfo: "#0958d9", colorError: "#cf1322" },
  },
};

/** 长辈版: 18 px text, 44 px controls, black text, the same colours darker where they were light. */
const CARE: ThemeConfig = {
  token: {
    ...STANDARD.token,
    fontSize: 18,
    fontSizeSM: 16,
    fontSizeLG: 20,
    controlHeight: 44,
    controlHeightSM: 36,
    controlHeightLG: 52,
    lineHeight: 1.7,
    colorText: "#000000",
    colorTextHeading: "#000000",
    colorTextSecondary: "#1f1f1f",
    colorTextTertiary: "#262626",
    colorTextDescription: "#262626",
    colorTextPlaceholder: "#434343",
    colorTextDisabled: "#434343",
    colorLink: "#003eb3", // 9.0
  },
  components: STANDARD.components,
};

export function themeFor(careMode: boolean): ThemeConfig {
  return careMode ? CARE : STANDARD;
}
