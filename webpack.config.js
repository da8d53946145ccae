/**
 * The Excel add-in's build: the task pane, its compute worker and the custom-functions script,
 * each one bundle with the engine inside (nothing is fetched at run time), into dist/addin/.
 * The CLI is built by tsc (tsconfig.build.json) into dist/ beside it.
 *
 *   ADDIN_ORIGIN=https://addins.example.co.jp npx webpack --mode production
 *     writes dist/addin/manifest.xml pointing at that origin instead of https://localhost:3000.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');
const { METADATA_FILES, localizedMetadata } = require('./scripts/localize-functions');

const DEV_ORIGIN = 'https://localhost:3000';
const FUNCTIONS_SOURCE = path.resolve(__dirname, 'addin/functions/functions.ts');

/**
 * functions.json from the JSDoc of addin/functions/functions.ts (the library behind
 * custom-functions-metadata-plugin). Not the plugin itself: it also appends
 * `CustomFunctions.associate` calls to the source, which would run (and throw) in the preview
 * pane and in the worker; addin/office/register-functions.ts associates them instead.
 */
class CustomFunctionsMetadata {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CustomFunctionsMetadata', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        {
          name: 'CustomFunctionsMetadata',
          stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL,
        },
        async () => {
          compilation.fileDependencies.add(FUNCTIONS_SOURCE);
          const result = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
          for (const e of result.errors)
            compilation.errors.push(new compiler.webpack.WebpackError(e));
          // One file per locale (the manifest's override points en-US at the second).
          for (const [file, language] of METADATA_FILES) {
            compilation.emitAsset(
              file,
              new compiler.webpack.sources.RawSource(
                localizedMetadata(result.metadataJson, language),
              ),
            );
          }
        },
      );
    });
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode !== 'development';
  const origin = (process.env.ADDIN_ORIGIN || DEV_ORIGIN).replace(/\/+$/, '');
  if (!/^https:\/\/[^/]+$/.test(origin))
    throw new Error(
      `ADDIN_ORIGIN must be an https origin such as https://addins.example.co.jp (got ${origin})`,
    );
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    entry: {
      taskpane: './addin/office/start-taskpane.ts',
      functions: './addin/office/functions-entry.ts',
      'compute.worker': './addin/compute/compute.worker.ts',
    },
    output: { path: path.resolve(__dirname, 'dist/addin'), filename: '[name].js', clean: true },
    resolve: {
      extensions: ['.ts', '.js', '.json'],
      // seedrandom falls back to Node's crypto only for auto-seeding, which RateShock never uses.
      fallback: { crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Types are checked by `tsc --noEmit` (npm run lint / the tests); the bundle only transpiles.
            options: {
              configFile: path.resolve(__dirname, 'addin/tsconfig.json'),
              transpileOnly: true,
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: './addin/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'addin/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'addin/taskpane/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString().split(DEV_ORIGIN).join(origin),
          },
        ],
      }),
      new CustomFunctionsMetadata(),
    ],
    performance: {
      hints: production ? 'warning' : false,
      maxEntrypointSize: 1_000_000,
      maxAssetSize: 1_000_000,
    },
    devServer: {
      port: 3000,
      // No hot reload or overlay client: the pane must make no request but to itself and Office's CDN.
      hot: false,
      liveReload: false,
      client: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      // Only `webpack serve` needs the certificates (office-addin-dev-certs may install its CA).
      server: env.WEBPACK_SERVE
        ? {
            type: 'https',
            options: await require('office-addin-dev-certs').getHttpsServerOptions(),
          }
        : undefined,
    },
  };
};
