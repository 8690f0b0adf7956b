/**
 * Renderer entry: mounts the React app. Styles are imported here (never inline <style>),
 * because the page's Content-Security-Policy only allows same-origin stylesheets.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import './styles/base.css'
import './styles/layout.css'
import './styles/shell.css'
import './styles/dialogs.css'
import './styles/library.css'
import './styles/reader.css'
import './styles/highlights.css'
import './styles/entities-reader.css'
import './styles/panel.css'
import './styles/toolbar.css'
import './styles/passages.css'
import './styles/search.css'
import './styles/tags.css'
import './styles/entities.css'
import './styles/sources.css'
import './styles/timeline.css'
import './styles/analysis.css'
import './styles/briefing.css'
import './styles/briefing-sections.css'
import './styles/briefing-claims.css'
import './styles/briefing-figures.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
