// After `npm install`: fetch the Electron binary if this machine can, and say in one line when it
// cannot. Never fails the install: the browser shell works without Electron.
import { electronBinary, tryInstallElectron } from './electron-binary.mjs';

try {
  if (!electronBinary() && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD !== '1') {
    const { binary, reason } = tryInstallElectron(180_000);
    if (!binary) {
      console.log(
        `FaceID Console: the Electron desktop shell is unavailable here (${reason}); \`npm start\` will open the browser shell instead.`,
      );
    }
  } else if (!electronBinary()) {
    console.log(
      'FaceID Console: the Electron desktop shell is unavailable here (binary download skipped); `npm start` will open the browser shell instead.',
    );
  }
} catch (e) {
  console.log(
    `FaceID Console: the Electron desktop shell is unavailable here (${e instanceof Error ? e.message : e}); \`npm start\` will open the browser shell instead.`,
  );
}
