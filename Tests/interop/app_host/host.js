"use strict";
// The host side of MCP Apps (io.modelcontextprotocol/ui, 2026-01-26) as a web host does it: the View
// runs inside a sandbox proxy on another origin; this page answers ui/initialize, hands over the tool's
// input and result once the View is initialized, relays the View's tools/call and resources/read to
// the MCP server (through window.mcpRelay, which the test provides), and refuses a call to a tool
// whose visibility does not include "app". Everything the View sends is logged for the test.
window.hostLog = [];
window.host = {
  show({html, csp, permissions, toolName, toolInput, toolResult, tools, sandboxUrl, relaysTools = true}) {
    document.getElementById("tool-name").textContent = toolName;
    const callable = new Set(tools.filter(tool => {
      const visibility = ((tool._meta || {}).ui || {}).visibility || ["model", "app"];
      return visibility.includes("app");
    }).map(tool => tool.name));
    const frame = document.createElement("iframe");
    frame.className = "app";
    frame.title = "mcp-orchestrator board (MCP App)";
    frame.sandbox = "allow-scripts allow-same-origin";
    frame.src = sandboxUrl;
    const sandboxOrigin = new URL(sandboxUrl).origin;
    let initialized = false;
    const send = message => frame.contentWindow.postMessage(message, sandboxOrigin);
    const answer = (id, result) => send({jsonrpc: "2.0", id, result});
    const refuse = (id, code, message) => send({jsonrpc: "2.0", id, error: {code, message}});
    window.addEventListener("message", async event => {
      if (event.source !== frame.contentWindow || event.origin !== sandboxOrigin) return;
      const message = event.data;
      if (!message || message.jsonrpc !== "2.0") return;
      window.hostLog.push({method: message.method || null, id: message.id ?? null, params: message.params || null});
      switch (message.method) {
        case "ui/notifications/sandbox-proxy-ready":
          send({jsonrpc: "2.0", method: "ui/notifications/sandbox-resource-ready", params: {html, csp, permissions}});
          return;
        case "ui/initialize":
          answer(message.id, {
            protocolVersion: "2026-01-26",
            hostInfo: {name: "test-host", version: "1.0.0"},
            hostCapabilities: relaysTools ? {serverTools: {}, serverResources: {}, logging: {}} : {logging: {}},
            hostContext: {theme: "light", displayMode: "inline", availableDisplayModes: ["inline"],
              containerDimensions: {maxHeight: 4000}, platform: "web", locale: "en-GB",
              toolInfo: {tool: tools.find(tool => tool.name === toolName)}}
          });
          return;
        case "ui/notifications/initialized":
          // Nothing goes to the View before this.
          initialized = true;
          send({jsonrpc: "2.0", method: "ui/notifications/tool-input", params: {arguments: toolInput}});
          send({jsonrpc: "2.0", method: "ui/notifications/tool-result", params: toolResult});
          return;
        case "ui/notifications/size-changed":
          if (message.params && message.params.height) frame.style.height = `${Math.ceil(message.params.height)}px`;
          return;
        case "notifications/message":
          return;
        case "ping":
          answer(message.id, {});
          return;
        case "tools/call":
          if (!initialized) return refuse(message.id, -32000, "The View is not initialized.");
          if (!callable.has(message.params.name)) {
            return refuse(message.id, -32000, `Tool ${message.params.name} is not callable by the app.`);
          }
          break;
        case "resources/read":
          break;
        default:
          if (message.id !== undefined) refuse(message.id, -32601, `Method not found: ${message.method}`);
          return;
      }
      try {
        answer(message.id, await window.mcpRelay(message.method, message.params));
      } catch (error) {
        refuse(message.id, -32000, String(error && error.message || error));
      }
    });
    document.getElementById("slot").replaceChildren(frame);
  }
};
