import { PauseCircleOutlined, SoundOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useEffect, useState } from "react";

// Chromium stops a single utterance after about 15 seconds of speech; an item is read as a queue
// of sentences, each short enough.
const PIECE = 120;

/** The words of a sanitised body (no script runs: DOMParser only parses). */
export function textOf(html: string): string {
  const text = new DOMParser().parseFromString(html, "text/html").body.textContent ?? "";
  return text.replace(/\s+/g, " ").trim();
}

/** Sentences of at most PIECE characters, cut after 。！？； or, failing those, anywhere. */
export function piecesOf(text: string): string[] {
  const pieces: string[] = [];
  for (const sentence of text.match(/[^。！？；!?;]+[。！？；!?;]*/g) ?? []) {
    for (let start = 0; start < sentence.length; start += PIECE) {
      const piece = sentence.slice(start, start + PIECE).trim();
      if (piece) pieces.push(piece);
    }
  }
  return pieces;
}

const speech = (): SpeechSynthesis | undefined =>
  typeof window !== "undefined" && "speechSynthesis" in window ? window.speechSynthesis : undefined;

/**
 * 朗读: reads the item's title and text aloud in Mandarin (Web Speech API), with a button to stop;
 * absent where the browser cannot speak. Leaving the page stops it.
 */
export function ReadAloud({ title, html }: { title: string; html: string }) {
  const synth = speech();
  const [speaking, setSpeaking] = useState(false);
  useEffect(() => () => synth?.cancel(), [synth]);
  if (!synth) return null;

  const start = () => {
    synth.cancel();
    const pieces = piecesOf(`${title}。${textOf(html)}`);
    pieces.forEach((piece, index) => {
      const utterance = new SpeechSynthesisUtterance(piece);
      utterance.lang = "zh-CN";
      utterance.rate = 0.9;
      if (index === pieces.length - 1) utterance.onend = () => setSpeaking(false);
      utterance.onerror = () => setSpeaking(false);
      synth.speak(utterance);
    });
    setSpeaking(true);
  };
  const stop = () => {
    synth.cancel();
    setSpeaking(false);
  };

  return speaking ? (
    <Button icon={<PauseCircleOutlined aria-hidden />} onClick={stop}>
      停止朗读
    </Button>
  ) : (
    <Button icon={<SoundOutlined aria-hidden />} onClick={start}>
      朗读
    </Button>
  );
}
