-- Neovim as a second real LSP client: start the server, wait for its diagnostics on the card in
-- the current buffer, ask for completion on the last line and hover on the first key, and print
-- what came back as one JSON object. Run by neovim.test.ts.
local server = os.getenv('MODELCARD_SERVER')
local client_id = vim.lsp.start_client({ name = 'modelcard', cmd = { 'node', server, '--stdio' }, root_dir = vim.fn.getcwd() })
vim.lsp.buf_attach_client(0, client_id)
if not vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 20) then
  io.stdout:write('{"error": "no diagnostics"}\n')
  vim.cmd('cquit! 1')
end

local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(diagnostics, { code = d.code, line = d.lnum, character = d.col, endLine = d.end_lnum, endCharacter = d.end_col, severity = d.severity })
end

local last_line = vim.api.nvim_buf_line_count(0)
local uri = vim.uri_from_bufnr(0)
local completion = vim.lsp.buf_request_sync(0, 'textDocument/completion', { textDocument = { uri = uri }, position = { line = last_line - 1, character = 0 } }, 10000)
local labels = {}
for _, response in pairs(completion or {}) do
  for _, item in ipairs((response.result or {}).items or {}) do table.insert(labels, item.label) end
end

local hover = vim.lsp.buf_request_sync(0, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = 0, character = 1 } }, 10000)
local hover_text = ''
for _, response in pairs(hover or {}) do
  if response.result then hover_text = response.result.contents.value end
end

io.stdout:write(vim.fn.json_encode({ diagnostics = diagnostics, completion = labels, hover = hover_text }) .. '\n')
vim.cmd('qall!')
