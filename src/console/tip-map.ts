import { html, type SafeHtml } from "./html.ts";

/**
 * A location pin drawn on the server as a small map-like SVG: a graticule of 0.01° around the
 * point, the pin in the middle, north up and the coordinates written out. Nothing is loaded from
 * a map server, so opening a tip tells no third party where it points.
 */
export function pinMap(input: { latitude: number; longitude: number; title: string }): SafeHtml {
  const size = 240;
  const mid = size / 2;
  const step = 40;
  const lat = input.latitude.toFixed(5);
  const lng = input.longitude.toFixed(5);
  // Graticule lines every 0.01° (about 1 km), placed where the rounded degrees fall.
  const fracLat = (input.latitude * 100) % 1;
  const fracLng = (input.longitude * 100) % 1;
  const lines: SafeHtml[] = [];
  for (let i = -3; i <= 3; i++) {
    const x = mid + (i - fracLng) * step;
    const y = mid - (i - fracLat) * step;
    if (x > 0 && x < size) lines.push(html`<line x1="${x.toFixed(1)}" y1="0" x2="${x.toFixed(1)}" y2="${size}" class="map-grid"/>`);
    if (y > 0 && y < size) lines.push(html`<line x1="0" y1="${y.toFixed(1)}" x2="${size}" y2="${y.toFixed(1)}" class="map-grid"/>`);
  }
  return html`<svg class="map" role="img" aria-labelledby="map-title" viewBox="0 0 ${size} ${size + 28}" width="${size}" height="${size + 28}" xmlns="http://www.w3.org/2000/svg">
<title id="map-title">${input.title}: ${lat}, ${lng}</title>
<rect x="0" y="0" width="${size}" height="${size}" class="map-bg"/>
${lines}
<circle cx="${mid}" cy="${mid}" r="30" class="map-ring"/>
<path d="M${mid} ${mid} l-9 -20 a10 10 0 1 1 18 0 z" class="map-pin"/>
<circle cx="${mid}" cy="${mid - 23}" r="4" fill="#fff"/>
<text x="${size - 14}" y="20" text-anchor="middle" class="map-north">N ↑</text>
<text x="${mid}" y="${size + 20}" text-anchor="middle">${lat}, ${lng}</text>
</svg>`;
}
