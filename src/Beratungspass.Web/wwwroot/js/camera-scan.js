// The camera button of the intake page: reads the card's QR code with the tablet's camera (jsQR from npm),
// puts it into the scan field and sends the form, exactly as a handheld scanner would. Without JavaScript,
// without a camera API or without jsQR the button stays hidden and the field works as before.
(function () {
  "use strict";

  var start = document.getElementById("camera-start");
  if (!start || typeof window.jsQR !== "function" || !navigator.mediaDevices || typeof navigator.mediaDevices.getUserMedia !== "function") {
    return;
  }

  var field = document.getElementById(start.dataset.cameraField);
  var panel = document.getElementById(start.dataset.cameraPanel);
  var status = document.getElementById(start.dataset.cameraStatus);
  var video = document.getElementById("camera-video");
  var stop = document.getElementById("camera-stop");
  var canvas = document.createElement("canvas");
  var context = canvas.getContext("2d", { willReadFrequently: true });
  var stream = null;
  var timer = 0;

  // Reading every frame would keep a cheap tablet busy; a few reads a second find a held-up card just as well.
  var readInterval = 150;

  function say(text) {
    status.textContent = text || "";
  }

  function turnOff() {
    window.clearTimeout(timer);
    timer = 0;
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
    }
    video.srcObject = null;
    panel.hidden = true;
    start.disabled = false;
  }

  function read() {
    if (!stream) {
      return;
    }
    if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      var pixels = context.getImageData(0, 0, canvas.width, canvas.height);
      var code = window.jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: "dontInvert" });
      if (code && code.data) {
        turnOff();
        say(start.dataset.textFound);
        field.value = code.data;
        field.form.requestSubmit();
        return;
      }
    }
    timer = window.setTimeout(read, readInterval);
  }

  function turnOn() {
    start.disabled = true;
    navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false })
      .then(function (camera) {
        stream = camera;
        video.srcObject = camera;
        panel.hidden = false;
        say(start.dataset.textRunning);
        stop.focus();
        return video.play();
      })
      .then(function () {
        read();
      })
      .catch(function () {
        turnOff();
        say(start.dataset.textDenied);
        start.focus();
      });
  }

  start.hidden = false;
  start.addEventListener("click", turnOn);
  stop.addEventListener("click", function () {
    turnOff();
    say(start.dataset.textStopped);
    start.focus();
  });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      stop.click();
    }
  });
})();
