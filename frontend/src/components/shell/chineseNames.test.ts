import { describe, expect, it } from "vitest";
import { fixChineseNames, watchChineseNames } from "./chineseNames";

const icon = (name: string) => `<span role="img" aria-label="${name}" class="anticon"><svg></svg></span>`;

function page(html: string): HTMLElement {
  const root = document.createElement("div");
  root.innerHTML = html;
  return root;
}

describe("fixChineseNames", () => {
  it("names antd's clear buttons 清除", () => {
    const root = page(
      `<button class="ant-select-clear" aria-label="Clear">${icon("close-circle")}</button>` +
        `<button type="button" class="ant-input-clear-icon">${icon("close-circle")}</button>`,
    );
    fixChineseNames(root);
    const [select, input] = root.querySelectorAll("button");
    expect(select).toHaveAttribute("aria-label", "清除");
    expect(input).toHaveAttribute("aria-label", "清除");
    expect(root.querySelector(".anticon")).toHaveAttribute("aria-hidden", "true");
  });

  it("hides an icon beside words and names an icon that is a button's only content", () => {
    const root = page(
      `<button class="a">${icon("down")}<span>王敏</span></button><button class="b">${icon("search")}</button>` +
        `<button class="c">${icon("some-unknown")}</button>`,
    );
    fixChineseNames(root);
    expect(root.querySelector(".a .anticon")).toHaveAttribute("aria-hidden", "true");
    expect(root.querySelector(".b .anticon")).toHaveAttribute("aria-label", "搜索");
    expect(root.querySelector(".c .anticon")).toHaveAttribute("aria-label", "some-unknown");
  });

  it("hides icons outside controls (an alert's, a status's): their words say it", () => {
    const root = page(`<div class="ant-alert">${icon("info-circle")}<span>本信息尚未公开</span></div>`);
    fixChineseNames(root);
    expect(root.querySelector(".anticon")).toHaveAttribute("aria-hidden", "true");
  });
});

describe("watchChineseNames", () => {
  it("corrects what is drawn later, and a label written again", async () => {
    const root = page("");
    document.body.append(root);
    const observer = watchChineseNames(root);
    root.innerHTML = `<button class="ant-select-clear" aria-label="Clear"></button>`;
    await new Promise((resolve) => setTimeout(resolve));
    const button = root.querySelector("button")!;
    expect(button).toHaveAttribute("aria-label", "清除");
    button.setAttribute("aria-label", "Clear");
    await new Promise((resolve) => setTimeout(resolve));
    expect(button).toHaveAttribute("aria-label", "清除");
    observer.disconnect();
    root.remove();
  });
});
