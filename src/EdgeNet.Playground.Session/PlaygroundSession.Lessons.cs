using System.Text.Json;

namespace EdgeNet.Playground;

/// <summary>
/// The open lesson's check: the page says which lesson is open ({"type":"lesson","lesson":N}, 0 for none); after every
/// message and frame the session checks the task against its own numbers and sends {"type":"lesson",…,"done",
/// "status"} when the answer changed. The page only shows it: "done" is the engine's word.
/// </summary>
internal sealed partial class PlaygroundSession
{
    private int _lesson;
    private LessonFacts? _facts;
    private LessonResult? _lessonSent;

    /// <summary>What the learner did on this run (a new run starts with none).</summary>
    private LessonFacts Facts => _facts is { } f && ReferenceEquals(f.Run, _run) ? f : _facts = new LessonFacts(_run!, _limits);

    private void OpenLesson(JsonElement root)
    {
        _lesson = (int)Number(root, "lesson", 0, Lessons.All.Count);
        _lessonSent = null;
        SendLesson();
    }

    private void SendLesson()
    {
        if (_lesson == 0 || _run is null)
        {
            return;
        }
        LessonResult result = Lessons.All[_lesson - 1].Check(Facts);
        if (result == _lessonSent)
        {
            return;
        }
        _lessonSent = result;
        var message = new JsonMessage("lesson");
        message.Writer.WriteNumber("lesson", _lesson);
        message.Writer.WriteBoolean("done", result.Done);
        message.Writer.WriteString("status", result.Status);
        Send(message);
    }
}
