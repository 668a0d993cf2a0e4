// A stand-in for the browser's speech engine, installed into every new document before
// the app starts (headless Chromium has no voices, so the real engine fails at once and a
// test could only check that it failed). It records what the app asks it to say and
// speaks until the test says it finished, or until cancelled:
//   window.__speech.log       [{text, lang, voice, queued}] for every speak()
//   window.__speech.cancels   how many times cancel() was called
//   window.__speech.speaking  whether an utterance is being spoken
//   window.__speech.finish()  the current utterance ends normally (fires `end`)
//   window.__speech.fail(e)   it fails (fires `error` with error = e)
(() => {
  const fire = (utterance, type, extra) => {
    const event = new Event(type);
    Object.assign(event, { utterance, charIndex: 0, elapsedTime: 0, name: "" }, extra || {});
    const handler = utterance["on" + type];
    if (typeof handler === "function") handler.call(utterance, event);
    utterance.dispatchEvent(event);
  };

  class FakeUtterance extends EventTarget {
    constructor(text) {
      super();
      this.text = text === undefined ? "" : String(text);
      this.lang = "";
      this.voice = null;
      this.rate = 1;
      this.pitch = 1;
      this.volume = 1;
      for (const type of ["start", "end", "error", "pause", "resume", "mark", "boundary"]) {
        this["on" + type] = null;
      }
    }
  }

  // Voices the app can choose between, if the browser has the voice type at all (the app
  // checks `instanceof SpeechSynthesisVoice`).
  const voice = (lang, name) =>
    Object.create(window.SpeechSynthesisVoice ? SpeechSynthesisVoice.prototype : Object.prototype, {
      lang: { value: lang, enumerable: true },
      name: { value: name, enumerable: true },
      voiceURI: { value: name, enumerable: true },
      default: { value: lang === "da-DK", enumerable: true },
      localService: { value: true, enumerable: true },
    });
  const voices = [voice("da-DK", "Test dansk"), voice("en-GB", "Test English")];

  let current = null;
  const state = {
    log: [],
    cancels: 0,
    get speaking() {
      return current !== null;
    },
    finish() {
      const u = current;
      current = null;
      if (u) fire(u, "end");
      return !!u;
    },
    fail(error) {
      const u = current;
      current = null;
      if (u) fire(u, "error", { error });
      return !!u;
    },
  };

  const engine = Object.assign(new EventTarget(), {
    pending: false,
    paused: false,
    get speaking() {
      return current !== null;
    },
    onvoiceschanged: null,
    getVoices: () => voices.slice(),
    speak(utterance) {
      // A real engine would queue behind what it is saying; recorded so a test sees it.
      const queued = current !== null;
      current = utterance;
      state.log.push({
        text: utterance.text,
        lang: utterance.lang,
        voice: utterance.voice ? utterance.voice.lang : null,
        queued,
      });
      fire(utterance, "start");
    },
    cancel() {
      state.cancels += 1;
      const u = current;
      current = null;
      if (u) fire(u, "end");
    },
    pause() {},
    resume() {},
  });

  Object.defineProperty(window, "speechSynthesis", {
    configurable: true,
    enumerable: true,
    get: () => engine,
  });
  Object.defineProperty(window, "SpeechSynthesisUtterance", {
    configurable: true,
    writable: true,
    value: FakeUtterance,
  });
  window.__speech = state;
})();
