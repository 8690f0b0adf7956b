// Electron main-process entry. All Electron wiring lives in ./electron (thin adapters);
// the logic they call is Electron-free and tested without it.
import './electron/app'
