/**
 * Ambient types for the renderer build: Vite's client types (CSS imports, import.meta.env).
 */
/// <reference types="vite/client" />
