/** Record text placed inside generated SVG markup: every character that means something to XML is escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
