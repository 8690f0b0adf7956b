/**
 * Stands in for pdfkit in the crash-test bundle only. NotebookSession imports the PDF
 * writer statically and loading pdfkit costs ~180 ms per process, most of a child's
 * start-up; the crash test never exports a briefing. Storage code is untouched.
 */
export default class PDFDocumentStub {
  constructor() {
    throw new Error('pdfkit is stubbed out in the crash-test bundle (scripts/crash-test/pdfkit-stub.ts)')
  }
}
