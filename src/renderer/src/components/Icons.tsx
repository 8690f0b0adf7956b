/**
 * Small inline SVG icons for buttons. Decorative only (aria-hidden): every button
 * carries its name as visible text.
 */
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
  'aria-hidden': true,
  focusable: false,
}

export function ImportIcon() {
  return (
    <svg {...common}>
      <path d="M8 2v8M4.5 6.5 8 10l3.5-3.5M2.5 11v2.5h11V11" />
    </svg>
  )
}

export function ExportIcon() {
  return (
    <svg {...common}>
      <path d="M4 1.5h5.5L13 5v9.5H4zM9.5 1.5V5H13M6.5 9h4M6.5 11.5h4" />
    </svg>
  )
}

export function NotebookIcon() {
  return (
    <svg {...common}>
      <path d="M3.5 1.5h9v13h-9zM6 1.5v13M8 5h3" />
    </svg>
  )
}
