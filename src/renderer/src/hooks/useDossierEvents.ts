/**
 * Subscribes to events main pushes (native menu commands, notebook switches) for the
 * lifetime of the component, always calling the latest handler.
 */
import { useEffect, useEffectEvent } from 'react'
import type { DossierEvent } from '../../../core/api'
import { onDossierEvent } from '../api'

export function useDossierEvents(handler: (event: DossierEvent) => void): void {
  const handle = useEffectEvent(handler)
  useEffect(() => onDossierEvent((event) => handle(event)), [])
}
