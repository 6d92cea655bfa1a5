// The two document/interface languages as options, each named in its own language (中文, English)
// and marked with its language, so that a screen reader reads it right and the English UI's
// "only English" rule knows this Chinese is on purpose.
export function LangOptions() {
  return (
    <>
      <option value="zh" lang="zh-CN">中文</option>
      <option value="en" lang="en">English</option>
    </>
  );
}
