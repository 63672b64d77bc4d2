import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress';

const echartsModule = /node_modules[\\/](echarts|zrender)[\\/]/;
// zrender's SVG painter and its installer (zrender's animator also reads svg/helper: it stays)
const svgRenderer =
  /zrender[\\/]lib[\\/]svg[\\/](?!helper)|echarts[\\/]lib[\\/]renderer[\\/]installSVGRenderer/;

const webRoot = fileURLToPath(new URL('./src/web', import.meta.url));

export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // libraries change less often than the app: separate files stay cached across releases
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
              priority: 3,
            },
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|react-remove-scroll|react-number-format)/,
              priority: 2,
            },
            // charts only on the report pages: not in the bundle every page loads. The SVG renderer is in
            // no group: only the print view draws SVG (charts/svg.ts), it comes with that view's chunk
            {
              name: 'echarts',
              test: (id: string) => echartsModule.test(id) && !svgRenderer.test(id),
              priority: 2,
            },
            {
              name: 'vendor',
              test: (id: string) => /node_modules/.test(id) && !svgRenderer.test(id),
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
});
