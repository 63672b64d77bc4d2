import { use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// the print view draws SVG (sharp on paper); the screen needs only the canvas renderer, so this is its
// own chunk (vite.config.ts), loaded with the print view
use([SVGRenderer]);
