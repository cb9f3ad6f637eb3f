"""Cross-planner adapters: each format read from real-looking input, auto-detection, clear errors on bad input."""

from __future__ import annotations

import json

import pytest

from railguard.agents import AdapterError, Step, Trajectory, detect_format, parse, render, render_all

OPENAI = {
    "messages": [
        {"role": "system", "content": "You are a helpful assistant."},
        {"role": "user", "content": "What's on my calendar on 2024-05-15?"},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "call_abc", "type": "function", "function": {"name": "get_day_calendar_events", "arguments": "{\"day\": \"2024-05-15\"}"}}]},
        {"role": "tool", "tool_call_id": "call_abc", "content": "[{\"title\": \"Sprint review\", \"start\": \"10:00\"}]"},
        {"role": "assistant", "content": "Let me also email the team.", "tool_calls": [
            {"id": "call_def", "type": "function", "function": {"name": "send_email", "arguments": "{\"recipients\": [\"team@acme.com\"], \"body\": \"Review at 10\"}"}}]},
    ],
    "tools": [{"type": "function", "function": {"name": "send_email", "description": "Send an email", "parameters": {"type": "object", "properties": {"recipients": {"type": "array"}}}}}],
}

ANTHROPIC = {
    "system": "You are an agent.",
    "tools": [{"name": "get_webpage", "description": "Fetch a page", "input_schema": {"type": "object", "properties": {"url": {"type": "string"}}}}],
    "messages": [
        {"role": "user", "content": "Summarise https://www.example.org/news"},
        {"role": "assistant", "content": [{"type": "text", "text": "I'll fetch the page."},
                                          {"type": "tool_use", "id": "toolu_01", "name": "get_webpage", "input": {"url": "https://www.example.org/news"}}]},
        {"role": "user", "content": [{"type": "tool_result", "tool_use_id": "toolu_01", "content": [{"type": "text", "text": "Solar output up 12%."}]}]},
        {"role": "assistant", "content": [{"type": "tool_use", "id": "toolu_02", "name": "post_tweet", "input": {"content": "Solar output up 12%"}}]},
    ],
}

LANGCHAIN = {
    "input": "How much is 3 EUR in USD?",
    "intermediate_steps": [
        [{"tool": "currency_rate", "tool_input": {"from": "EUR", "to": "USD"}, "log": "Thought: I need the rate.\nAction: currency_rate\nAction Input: {\"from\": \"EUR\"}"}, "1.08"],
    ],
    "next_actions": [{"lc": 1, "type": "constructor", "id": ["langchain", "schema", "agent", "AgentAction"],
                      "kwargs": {"tool": "calculator", "tool_input": "3*1.08", "log": "Action: calculator"}}],
}

REACT = """Question: Find the weather in Paris and tell me.
Thought: I should look up the weather.
Action: get_weather
Action Input: {"city": "Paris"}
Observation: 18C, light rain
Thought: Now I can answer.
Action: send_sms
Action Input: {"to": "+33123456789", "text": "18C rain"}"""

MCP = {
    "task": "Create a GitHub issue about the login crash",
    "messages": [
        {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "search_issues", "arguments": {"q": "login crash"}}},
        {"jsonrpc": "2.0", "id": 1, "result": {"content": [{"type": "text", "text": "no matching issues"}], "isError": False}},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "create_issue", "arguments": {"title": "Login crash"}}},
    ],
}

PLAN = {"task": "Book a table for two at 7pm", "steps": [
    {"tool": "search_restaurants", "args": {"city": "Lisbon"}, "observation": "[\"Tasca\"]"},
    {"tool": "reserve_restaurant", "args": {"restaurant": "Tasca", "time": "19:00"}},
]}

RECORD = {"profile": "You are an agent.", "contents": [[
    {"role": "user", "content": "Read my latest email."},
    {"role": "agent", "thought": "Read it.", "action": "GmailReadEmail{'email_id': 'e1'}"},
    {"role": "environment", "content": "{'body': 'hello'}"},
    {"role": "agent", "thought": "", "action": "Final Answer: it says hello"},
]]}


def test_openai_messages_with_tool_calls():
    t = parse(OPENAI)
    assert t.source_format == "openai"
    assert t.task.startswith("What's on my calendar") and t.system == "You are a helpful assistant."
    assert [s.tool for s in t.steps] == ["get_day_calendar_events", "send_email"]
    assert t.steps[0].arguments == {"day": "2024-05-15"} and not t.steps[0].proposed and "Sprint review" in t.steps[0].observation
    assert t.steps[1].proposed and t.steps[1].thought == "Let me also email the team."
    assert t.tools[0].name == "send_email"


def test_anthropic_tool_use_blocks():
    t = parse(ANTHROPIC)
    assert t.source_format == "anthropic"
    assert t.steps[0].tool == "get_webpage" and t.steps[0].observation == "Solar output up 12%." and t.steps[0].thought == "I'll fetch the page."
    assert t.steps[1].tool == "post_tweet" and t.steps[1].proposed
    assert t.tools[0].parameters["properties"]["url"]["type"] == "string"


def test_langchain_intermediate_steps_and_dumpd_action():
    t = parse(LANGCHAIN)
    assert t.source_format == "langchain" and t.task.startswith("How much")
    assert t.steps[0].tool == "currency_rate" and t.steps[0].observation == "1.08" and t.steps[0].thought == "I need the rate."
    assert t.steps[1].tool == "calculator" and t.steps[1].proposed and t.steps[1].arguments == {"input": "3*1.08"}


def test_react_text_last_action_is_proposed():
    t = parse(REACT)
    assert t.source_format == "react" and t.task.startswith("Find the weather")
    assert [s.tool for s in t.steps] == ["get_weather", "send_sms"]
    assert t.steps[0].observation == "18C, light rain" and not t.steps[0].proposed
    assert t.steps[1].proposed and t.steps[1].arguments["to"] == "+33123456789"


def test_mcp_tools_call_with_responses():
    t = parse(MCP)
    assert t.source_format == "mcp"
    assert t.steps[0].observation == "no matching issues" and t.steps[1].proposed
    single = parse({"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": "delete_repo", "arguments": {"repo": "a/b"}}})
    assert single.steps[0].tool == "delete_repo" and single.steps[0].proposed


def test_plain_json_plan_and_bare_list():
    t = parse(PLAN)
    assert t.source_format == "plan" and t.steps[1].proposed and t.steps[0].observation == "[\"Tasca\"]"
    bare = parse([{"tool": "list_files", "arguments": {}}, {"tool": "delete_file", "arguments": {"file_id": "3"}}])
    assert bare.source_format == "plan" and len(bare.steps) == 2


def test_judge_records_format():
    t = parse(RECORD)
    assert t.source_format == "records"
    assert t.steps[0].tool == "GmailReadEmail" and t.steps[0].arguments == {"email_id": "e1"} and t.steps[0].observation
    assert t.steps[1].tool is None and "hello" in t.steps[1].message


@pytest.mark.parametrize("raw,fmt", [(OPENAI, "openai"), (ANTHROPIC, "anthropic"), (LANGCHAIN, "langchain"), (REACT, "react"),
                                     (MCP, "mcp"), (PLAN, "plan"), (RECORD, "records")])
def test_auto_detection_on_objects_and_json_text(raw, fmt):
    assert detect_format(raw) == fmt
    text = raw if isinstance(raw, str) else json.dumps(raw)
    assert parse(text).source_format == fmt


def test_every_rendering_reads_back_to_the_same_trajectory():
    t = Trajectory(task="Pay the bill in bill.txt", steps=[
        Step(thought="read it", tool="read_file", arguments={"file_path": "bill.txt"}, observation="pay 98.70 to DE89370400440532013000"),
        Step(tool="send_money", arguments={"recipient": "DE89370400440532013000", "amount": 98.7}, proposed=True),
    ])
    for fmt, raw in render_all(t).items():
        back = parse(raw)
        assert back.source_format == fmt
        assert back.task == t.task
        assert [(s.tool, s.arguments, s.observation, s.proposed) for s in back.steps] == \
               [(s.tool, s.arguments, s.observation, s.proposed) for s in t.steps], fmt
    assert isinstance(render(t, "react"), str)


@pytest.mark.parametrize("raw,needle", [
    ("", "empty input"),
    ("   ", "empty input"),
    ("{\"messages\": [", "malformed JSON"),
    ("just some prose, not an agent trace", "not ReAct"),
    ({"foo": 1}, "unrecognised trajectory"),
    (42, "unrecognised trajectory"),
    ({"messages": [{"content": "no role"}]}, "role"),
    ({"messages": [{"role": "tool", "content": "x"}]}, "answers no earlier tool call"),
    ({"messages": [{"role": "robot", "content": "x"}]}, "unknown role"),
    ({"steps": [{"tool": 5}]}, "'tool' to be a string"),
    ({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {}}, "params.name"),
    (b"\xff\xfe\x00bad", "not valid UTF-8"),
])
def test_malformed_input_gets_an_error_that_says_what_was_expected(raw, needle):
    with pytest.raises(AdapterError) as e:
        parse(raw)
    assert needle in str(e.value)


def test_forced_format_mismatch_names_the_format():
    with pytest.raises(AdapterError, match="not a anthropic trajectory|anthropic"):
        parse({"steps": []}, format="anthropic")
    with pytest.raises(AdapterError, match="unknown format"):
        parse(OPENAI, format="yaml")


def test_deeply_nested_json_does_not_crash():
    deep = "[" * 5000 + "]" * 5000
    with pytest.raises(AdapterError):
        parse(deep)


def test_oversize_inputs_are_refused_with_a_reason():
    steps = [{"tool": "noop", "arguments": {}} for _ in range(501)]
    with pytest.raises(AdapterError, match="more than the 500"):
        parse({"task": "x", "steps": steps})
    with pytest.raises(AdapterError, match="over the"):
        parse("[" + " " * 2_000_001 + "]")


def test_unparseable_tool_arguments_are_kept_not_dropped():
    t = parse({"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "tool_calls": [
        {"id": "a", "type": "function", "function": {"name": "run", "arguments": "rm -rf / {oops"}}]}]})
    assert t.steps[0].arguments == {"input": "rm -rf / {oops"}
